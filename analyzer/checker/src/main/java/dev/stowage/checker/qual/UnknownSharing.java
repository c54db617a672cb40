package dev.stowage.checker.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.checkerframework.framework.qual.*;

/**
 * Top of the sharing hierarchy: the store may or may not be a member of a sharing set.
 *
 * <p>Internal qualifier of the Stowage checker; users write the public annotations of
 * {@code dev.stowage.qual}, which the checker aliases to this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
@SubtypeOf({})
@DefaultQualifierInHierarchy
public @interface UnknownSharing {}
