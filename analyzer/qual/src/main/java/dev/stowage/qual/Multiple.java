package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store guarantees that allocating never invalidates the handles it already issued
 * (Rust's {@code StoreMultiple}).
 *
 * <p>A store without this guarantee (an {@code InlineStore}, say) may reuse the memory of an
 * earlier allocation for the next one, so every handle it issued before an {@code allocate} is
 * stale after it. Freeing or growing one handle still kills <em>that</em> handle.
 *
 * <p>Put it on a store class (it then holds for every use of the type) or on a use of a store
 * type:
 * <pre>{@code
 * @Multiple @Stable
 * public final class ArenaStore implements Store { ... }
 *
 * void fill(@Multiple Store store) { ... }   // callers must pass a store that guarantees it
 * }</pre>
 *
 * <p>This is a type qualifier of the Stowage checker: a store type without it is a supertype of
 * the same type with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface Multiple {}
