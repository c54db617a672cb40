package dev.stowage.store;

import java.util.function.Supplier;
import java.util.stream.Stream;

/** One factory per store under test, named for the test report. */
final class StoreFactories {
    private StoreFactories() {}

    static Supplier<Store> named(String name, Supplier<Store> factory) {
        return new Supplier<>() {
            @Override public Store get() { return factory.get(); }
            @Override public String toString() { return name; }
        };
    }

    static Stream<Supplier<Store>> all() {
        return Stream.of(
                named("GlobalStore", GlobalStore::new),
                named("ArenaStore", () -> new ArenaStore(256, Long.MAX_VALUE)));
    }
}
