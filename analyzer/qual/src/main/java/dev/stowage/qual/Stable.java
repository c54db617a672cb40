package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store guarantees that allocating, freeing, growing or shrinking one handle never
 * invalidates pointers resolved from <em>other</em> handles (Rust's {@code StoreStable}).
 *
 * <p>A store without it (a {@code GrowableStore} that doubles its buffer by copying) may move every
 * allocation when any one of them changes, so every pointer it resolved is stale after such a
 * call. Pointers resolved from the handle that was freed or grown are always stale.
 *
 * <p>Stability says nothing about relocation that a store does on request ({@code compact()}) or
 * about closing the store: only {@link Pinned} covers those.
 * <pre>{@code
 * @Stable @Multiple
 * public final class SlabStore implements Store { ... }
 * }</pre>
 *
 * <p>Type qualifier of the Stowage checker: {@code @Pinned <: @Stable <: (no stability)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface Stable {}
