package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store is a member of a sharing set made with {@code SharingStore.share()}: a handle issued by
 * any member is valid with every member, and the memory is freed only when the last member of the
 * set is closed (Rust's sharing stores).
 *
 * <p>Closing one member kills that member (using it afterwards is {@code store.closed}) but not
 * the memory the other members still reach. Collections that move nodes between instances
 * ({@code StoreList.append}, {@code splitOff}) need their stores in one sharing set.
 * <pre>{@code
 * @SharedStore @Stable @Multiple
 * public final class SharedArenaStore implements SharingStore { ... }
 * }</pre>
 *
 * <p>Type qualifier of the Stowage checker: {@code @SharedStore <: (not shared)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface SharedStore {}
