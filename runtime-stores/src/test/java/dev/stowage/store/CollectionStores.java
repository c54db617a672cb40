package dev.stowage.store;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The stores the collection tests run on, each named for the test report. Small chunk sizes make
 * the arenas take new chunks (and the vectors reallocate) early.
 */
final class CollectionStores {
    private CollectionStores() {}

    /** A supplier of fresh stores with a readable name. */
    record Kind(String name, Supplier<Store> factory) implements Supplier<Store> {
        @Override public Store get() { return factory.get(); }
        @Override public String toString() { return name; }
    }

    /**
     * Stores that hold any number of allocations of any size: every collection works on all of them.
     * Small sizes make arenas take new chunks, the growable store move its buffer and the small store
     * spill to its fallback early.
     */
    static List<Kind> plain() {
        return List.of(
                new Kind("GlobalStore", GlobalStore::new),
                new Kind("ArenaStore", () -> new ArenaStore(256, Long.MAX_VALUE)),
                new Kind("GrowableStore", () -> new GrowableStore(64, Long.MAX_VALUE)),
                new Kind("SharedArenaStore", () -> new SharedArenaStore(256, Long.MAX_VALUE)),
                new Kind("SmallStore", () -> new SmallStore(64, new GlobalStore())));
    }

    /** Slots for one list node of a {@code long} (16 bytes of links + 8): lists and small boxes only. */
    static Kind slab() {
        return new Kind("SlabStore", () -> new SlabStore(24, 8));
    }

    /** Every store that can hold list nodes of longs, plain and checked. */
    static List<Kind> nodeStores() {
        return Stream.concat(plain().stream(), Stream.of(slab()))
                .flatMap(k -> Stream.of(k, checked(k)))
                .toList();
    }

    static Kind checked(Kind kind) {
        return new Kind("Checked " + kind.name(), () -> new CheckedStore(kind.get()));
    }

    /** Every plain store, and each wrapped in a CheckedStore (which fails on any stale use). */
    static List<Kind> general() {
        return plain().stream()
                .flatMap(k -> Stream.of(k, checked(k)))
                .toList();
    }

    static Stream<Kind> generalStream() {
        return general().stream();
    }
}
