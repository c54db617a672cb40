package dev.stowage.store;

import dev.stowage.store.InvalidationTableTest.StoreUnderTest;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** One factory per store under test, named for the test report, with the guarantees it must carry. */
final class StoreFactories {
    private StoreFactories() {}

    private static final Guarantees PINNED_MULTIPLE = new Guarantees(true, true, true, false);
    private static final Guarantees STABLE_MULTIPLE = new Guarantees(true, true, false, false);

    static List<StoreUnderTest> withGuarantees() {
        return List.of(
                new StoreUnderTest("GlobalStore", GlobalStore::new, PINNED_MULTIPLE),
                new StoreUnderTest("ArenaStore", () -> new ArenaStore(256, Long.MAX_VALUE), STABLE_MULTIPLE));
    }

    static Supplier<Store> named(String name, Supplier<Store> factory) {
        return new Supplier<>() {
            @Override public Store get() { return factory.get(); }
            @Override public String toString() { return name; }
        };
    }

    static Stream<Supplier<Store>> all() {
        return withGuarantees().stream().map(s -> named(s.name(), s.factory()));
    }

    /** Every store, and every store wrapped in a CheckedStore. */
    static Stream<Supplier<Store>> allAndChecked() {
        return withGuarantees().stream().flatMap(s -> Stream.of(
                named(s.name(), s.factory()),
                named("Checked " + s.name(), () -> new CheckedStore(s.factory().get()))));
    }
}
