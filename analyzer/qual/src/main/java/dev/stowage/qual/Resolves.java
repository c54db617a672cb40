package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method's result is a pointer ({@code MemorySegment}) into memory of a store, box or
 * collection, valid until that object is next invalidated ({@link Invalidates}).
 *
 * <p>{@link #value()} names the object the pointer is tied to: {@code "this"} (the default) or
 * {@code "#n"} for the n-th parameter. {@link #handle()} names the parameter that holds the handle
 * being resolved, if any: the checker reports a stale handle there ({@code handle.stale}) and a
 * handle from another store ({@code handle.foreign}).
 * <pre>{@code
 * @Resolves(handle = "#1")
 * MemorySegment resolve(long handle, long byteSize);      // on Store
 *
 * @Resolves
 * MemorySegment get(long index);                          // on StoreVec
 * }</pre>
 *
 * <p>A method that returns a pointer of a store that is not {@link Pinned} must carry this
 * annotation, or the pointer escapes unchecked ({@code pointer.escape}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Resolves {

    /** The store, box or collection the pointer is tied to: {@code "this"} or {@code "#n"}. */
    String value() default "this";

    /** The parameter ({@code "#n"}) holding the handle that is resolved, or empty for none. */
    String handle() default "";

    /**
     * The parameter ({@code "#n"}) holding the byte size of the view that is resolved, or empty for
     * none. With {@link Invalidates#size()} on a resize, tools resolve a stale pointer again with
     * the new size: {@code @Resolves(handle = "#1", size = "#2") MemorySegment resolve(long handle, long byteSize)}.
     */
    String size() default "";
}
