package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store is {@link Stable}, never relocates memory for any reason, and memory that is leaked
 * stays valid for the life of the process, even after the store is closed (Rust's
 * {@code StorePinning}).
 *
 * <p>It is what makes {@code StoreBox.leak()} sound: the leaked pointer must outlive the box and
 * the store. A store whose memory is freed when it closes (an arena) is not pinned, however stable
 * its addresses are while it is open.
 * <pre>{@code
 * @Pinned @Multiple
 * public final class GlobalStore implements Store { ... }   // malloc/free: nothing moves
 *
 * MemorySegment forever = StoreBox.allocate(globalStore, JAVA_LONG).leak();  // fine
 * }</pre>
 *
 * <p>Type qualifier of the Stowage checker: {@code @Pinned <: @Stable <: (no stability)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface Pinned {}
