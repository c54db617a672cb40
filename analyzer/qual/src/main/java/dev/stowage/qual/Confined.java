package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store's memory may be reached only from the thread that created the store (an FFM
 * confined arena: any other thread gets a {@code WrongThreadException}). The checker reports
 * {@code pointer.thread} where a pointer of such a store, or the store itself, is used inside a
 * lambda that is handed to another thread ({@link RunsOnAnotherThread}).
 * <pre>{@code
 * @Creates static @Confined Arena ofConfined();            // JDK model
 * }</pre>
 *
 * <p>Type qualifier of the Stowage checker; it states a restriction, not a guarantee, so a
 * {@code @Confined} store may flow anywhere a store without it is expected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface Confined {}
