package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method's result is a view derived from a view: it reaches the same memory as the value
 * named by {@link #value()} ({@code "this"}, the default, or {@code "#n"}) and dies with it. A
 * pointer derived from a stale pointer is stale; one derived from a live pointer goes stale
 * whenever its source does. When the source is itself a store (not a pointer), the result is a
 * pointer of that store, as with {@link Resolves}.
 * <pre>{@code
 * @Derives MemorySegment asSlice(long offset, long newSize);          // MemorySegment, JDK model
 * @Derives("#1") static SegmentAllocator slicingAllocator(MemorySegment segment);
 * }</pre>
 *
 * <p>Together with {@link Resolves} the result is tied to both: {@code reinterpret(arena, cleanup)}
 * gives a view that dies when {@code arena} closes <em>and</em> when the memory it was derived from
 * is freed (the new scope does not keep the old memory alive).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Derives {

    /** The source view: {@code "this"} or {@code "#n"}. */
    String value() default "this";
}
