package dev.stowage.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Scoped stores: run code with an <em>ambient</em> store, which the collection factories that take
 * no store ({@link StoreVec#ofLongs()}, {@link StoreVec#create(java.lang.foreign.MemoryLayout)},
 * {@link StoreList#create(java.lang.foreign.MemoryLayout)}, {@link StoreLongMap#create()},
 * {@link StoreBox#allocate(java.lang.foreign.MemoryLayout)}) allocate in.
 *
 * <p>This is the "scoped allocator" of the nesting-allocators seed, on Java 25's {@link ScopedValue}:
 * the store is an implicit argument, passed down the call tree instead of through every signature.
 * Scopes nest like allocators do: the innermost {@code where} wins, and when it returns the outer
 * store is current again.
 *
 * <pre>{@code
 * try (ArenaStore requestArena = new ArenaStore()) {
 *     long total = Stores.where(requestArena).call(() -> {
 *         StoreVec ids = StoreVec.ofLongs();          // in requestArena
 *         parse(request, ids);                        // parse() can call StoreLongMap.create() too
 *         return sum(ids);
 *     });
 * }                                                   // everything the request allocated is freed
 * }</pre>
 *
 * <h2>Threads</h2>
 * A scoped store is visible to the thread that runs the scope and to the subtasks of a
 * {@code StructuredTaskScope} opened inside it, not to other threads (that is how {@link ScopedValue}
 * is inherited). The store must itself be safe for the threads that use it: share a
 * {@code SharedArenaStore}, not an {@code ArenaStore}, with subtasks.
 *
 * <h2>What the checker sees</h2>
 * The store given to {@code where} is an ordinary argument, so the checker tracks it as usual
 * outside the scope. Inside, the factories without a store allocate in a store the checker cannot
 * name: it does not tie their result to the ambient store, and it does not see them allocate in it.
 * Pointers resolved from the ambient store before such a factory call therefore stay "valid" for the
 * checker even on a store that is not {@code @Multiple}/{@code @Stable}; use a {@code @Stable @Multiple}
 * store (an arena, a slab, the global store) as the ambient store, or pass the store explicitly where
 * that matters. Closing the ambient store while collections made in the scope are alive is not seen
 * either.
 */
public final class Stores {

    private static final ScopedValue<Store> CURRENT = ScopedValue.newInstance();

    private Stores() {}

    /**
     * A carrier that binds {@code store} as the ambient store: call {@code run(Runnable)} or
     * {@code call(CallableOp)} on it. It can be combined with other scoped values through
     * {@link ScopedValue.Carrier#where}.
     *
     * <pre>{@code
     * Stores.where(slab).run(() -> cache.refill());
     * }</pre>
     */
    public static ScopedValue.Carrier where(Store store) {
        return ScopedValue.where(CURRENT, Objects.requireNonNull(store, "store"));
    }

    /**
     * The innermost scoped store.
     *
     * @throws NoScopedStoreException if the caller runs outside every {@code Stores.where(...)} scope
     */
    public static Store current() {
        if (!CURRENT.isBound()) {
            throw new NoScopedStoreException("no scoped store: this code runs outside Stores.where(store).run(...) / call(...);"
                    + " bind a store with Stores.where, or pass one explicitly (e.g. StoreVec.ofLongs(store))");
        }
        return CURRENT.get();
    }

    /** The innermost scoped store, or empty outside every scope. */
    public static Optional<Store> find() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /** True inside a {@code Stores.where(...)} scope. */
    public static boolean isScoped() {
        return CURRENT.isBound();
    }
}
