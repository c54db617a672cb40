package dev.stowage.checker.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.checkerframework.framework.qual.*;

/**
 * Alias of {@code dev.stowage.qual.Stable}: freeing or growing one allocation never moves another.
 *
 * <p>Internal qualifier of the Stowage checker; users write the public annotations of
 * {@code dev.stowage.qual}, which the checker aliases to this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
@SubtypeOf({UnknownStability.class})
public @interface StableMemory {}
