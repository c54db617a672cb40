package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method's result belongs to a store, box or collection: a handle ({@code long}) that it
 * issued, or a box or collection whose memory it holds.
 *
 * <p>{@link #value()} names the owner: {@code "this"} (the default) or {@code "#n"} for the n-th
 * parameter. The checker ties the result to the owner, so invalidating the owner makes the result
 * stale, and using a handle with another store is {@code handle.foreign}.
 * <pre>{@code
 * @Issues @Invalidates(effect = Effect.ALLOCATE)
 * long allocate(long byteSize, long byteAlignment);        // a handle of this store
 *
 * @Issues("#1") @Invalidates(value = "#1", effect = Effect.ALLOCATE)
 * static StoreVec create(Store store, MemoryLayout elementLayout);   // a vector kept in #1
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Issues {

    /** The owner of the result: {@code "this"} or {@code "#n"}. */
    String value() default "this";
}
