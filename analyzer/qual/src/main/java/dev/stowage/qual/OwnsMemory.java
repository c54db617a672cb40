package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Instances of this type own memory and hand it out as pointers: they are stores even when they
 * issue no handles (an FFM {@code Arena}, later a pooled buffer allocator). Closing one ends every
 * pointer it handed out; pointers resolved from it ({@link Resolves}) are tied to it.
 *
 * <p>Without this annotation a type counts as a store only when it issues {@code long} handles or
 * resolves a handle parameter; any other contract type (a box, a collection) keeps its memory in
 * some store.
 * <pre>{@code
 * @OwnsMemory @Multiple @Stable
 * public interface Arena extends SegmentAllocator, AutoCloseable { ... }   // in the JDK model
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnsMemory {}
