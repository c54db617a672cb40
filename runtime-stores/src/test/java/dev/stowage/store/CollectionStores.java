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

    /** Stores that hold allocations of any size: vectors and maps work on all of them. */
    static List<Kind> plain() {
        return List.of(
                new Kind("GlobalStore", GlobalStore::new),
                new Kind("ArenaStore", () -> new ArenaStore(256, Long.MAX_VALUE)));
    }

    /** Every plain store, and each wrapped in a CheckedStore (which fails on any stale use). */
    static List<Kind> general() {
        return plain().stream()
                .flatMap(k -> Stream.of(k, new Kind("Checked " + k.name(), () -> new CheckedStore(k.get()))))
                .toList();
    }

    static Stream<Kind> generalStream() {
        return general().stream();
    }
}
