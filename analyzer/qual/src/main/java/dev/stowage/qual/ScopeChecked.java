package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every access through a pointer of this store checks at run time that the store is still alive
 * and throws instead of touching freed memory (FFM: a {@code MemorySegment} of a closed
 * {@code Arena} throws {@code IllegalStateException}). A misuse after the pointer left the method
 * is then a clean exception, not silent corruption, so the checker reports {@code pointer.escape}
 * for such a store only when the escape is certainly dead: the pointer leaves the
 * try-with-resources that closes its store; and a method that closes such a store need not declare
 * it ({@code invalidates.undeclared} is not reported for it). In short: for such a store the
 * checker reports certain misuse only, not the precautions. Use after close is reported as for
 * any store.
 * <pre>{@code
 * @OwnsMemory @ScopeChecked @Multiple @Stable
 * public interface Arena extends SegmentAllocator, AutoCloseable { ... }   // JDK model
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScopeChecked {}
