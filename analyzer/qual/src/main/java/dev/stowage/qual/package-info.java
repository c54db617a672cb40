/**
 * The annotations that state the contracts of Stowage stores; the Stowage checker reads them.
 *
 * <p>Type qualifiers on store types say what a store guarantees: {@link dev.stowage.qual.Multiple},
 * {@link dev.stowage.qual.Stable}, {@link dev.stowage.qual.Pinned} and
 * {@link dev.stowage.qual.SharedStore}; on a store class, {@link dev.stowage.qual.Persistent} says
 * its handles outlive {@code close()} (they name a file). Declaration annotations on methods say what a call does:
 * {@link dev.stowage.qual.Invalidates} (what it may make stale), {@link dev.stowage.qual.Resolves}
 * (its result is a pointer tied to a store), {@link dev.stowage.qual.Issues} (its result is a handle,
 * box or collection owned by a store), {@link dev.stowage.qual.Leaks} (it gives memory up for
 * good) and {@link dev.stowage.qual.Reserves} (it makes room, so that calls whose
 * {@code @Invalidates} has {@code unlessReserved} do not invalidate within it). {@link dev.stowage.qual.PolyStore} on a
 * wrapper's constructor parameter gives the wrapper the guarantees of the store it wraps.
 *
 * <p>Beyond stores with handles, the same vocabulary describes libraries whose objects own memory
 * and hand out views of it (FFM arenas and segments, as in the checker's JDK model):
 * {@link dev.stowage.qual.OwnsMemory} (a type that owns memory without issuing handles),
 * {@link dev.stowage.qual.ScopeChecked} (its views check liveness at every access),
 * {@link dev.stowage.qual.Confined} (only its creating thread may reach its memory),
 * {@link dev.stowage.qual.Creates} (a factory returns a new object, as {@code new} does),
 * {@link dev.stowage.qual.Derives} (a view derived from a view dies with it) and
 * {@link dev.stowage.qual.RunsOnAnotherThread} (an argument runs on another thread). A call that
 * takes ownership of an argument is {@code @Invalidates(value = "#n", effect = Effect.MOVE)}.
 * Reference counts (Netty, Arrow): {@link dev.stowage.qual.Retains} (one more reference, which the
 * next {@code unlessReserved} release or hand-off gives up) and {@link dev.stowage.qual.Borrows}
 * (a method a user overrides must not release these parameters: its caller does, unless a
 * constructor flag turned that off), and {@link dev.stowage.qual.Envelope} (a type whose memory is
 * the content it carries: a subtype's own accessors are no use of it once it is released).
 * Paths: {@link dev.stowage.qual.NeverThrows} (a call that never completes by throwing, so no
 * {@code catch} is reached from it) and {@link dev.stowage.qual.Query} (a {@code boolean} reader
 * whose answer holds until its receiver is named again, so a branch contradicting it is not taken).
 * The checker also reads these contracts from stub files ({@code .astub}) for code that cannot be
 * annotated.
 *
 * <p>This artifact has no dependencies: depend on it from any code, with or without the checker.
 */
package dev.stowage.qual;
