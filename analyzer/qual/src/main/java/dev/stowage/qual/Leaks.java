package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method consumes its receiver (a box) and returns a pointer that is never invalidated: the
 * memory is given up for the life of the process.
 *
 * <p>That is sound only when the receiver's store is {@link Pinned}: any other store may move the
 * memory or free it when it closes. The checker reports {@code box.leak.unpinned} when the store is
 * not known to be pinned. The receiver is dead after the call, as after a move.
 * <pre>{@code
 * @Leaks @Invalidates(effect = Effect.MOVE)
 * public MemorySegment leak() { ... }                      // on StoreBox
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Leaks {}
