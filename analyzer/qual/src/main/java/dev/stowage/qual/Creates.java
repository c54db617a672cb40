package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method returns a new object that no one else holds yet, as {@code new} does: two results
 * of such calls are never the same object, so closing one never invalidates what the other
 * handed out. A factory without it returns an object the checker must assume may be any other
 * object of its type.
 * <pre>{@code
 * @Creates static @Confined Arena ofConfined();            // JDK model
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Creates {}
