/**
 * The annotations that state the contracts of Stowage stores; the Stowage checker reads them.
 *
 * <p>Type qualifiers on store types say what a store guarantees: {@link dev.stowage.qual.Multiple},
 * {@link dev.stowage.qual.Stable}, {@link dev.stowage.qual.Pinned} and
 * {@link dev.stowage.qual.SharedStore}. Declaration annotations on methods say what a call does:
 * {@link dev.stowage.qual.Invalidates} (what it may make stale), {@link dev.stowage.qual.Resolves}
 * (its result is a pointer tied to a store), {@link dev.stowage.qual.Issues} (its result is a handle,
 * box or collection owned by a store), {@link dev.stowage.qual.Leaks} (it gives memory up for
 * good) and {@link dev.stowage.qual.Reserves} (it makes room, so that calls whose
 * {@code @Invalidates} has {@code unlessReserved} do not invalidate within it). {@link dev.stowage.qual.PolyStore} on a
 * wrapper's constructor parameter gives the wrapper the guarantees of the store it wraps. This artifact has no dependencies: depend on it from any code, with or without the checker.
 */
package dev.stowage.qual;
