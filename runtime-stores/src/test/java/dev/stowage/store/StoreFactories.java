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
    private static final Guarantees MULTIPLE = new Guarantees(true, false, false, false);
    private static final Guarantees SHARED_STABLE_MULTIPLE = new Guarantees(true, true, false, true);

    static List<StoreUnderTest> withGuarantees() {
        return List.of(
                new StoreUnderTest("GlobalStore", GlobalStore::new, PINNED_MULTIPLE),
                new StoreUnderTest("ArenaStore", () -> new ArenaStore(256, Long.MAX_VALUE), STABLE_MULTIPLE),
                new StoreUnderTest("SlabStore", () -> new SlabStore(4096, 16), STABLE_MULTIPLE),
                new StoreUnderTest("GrowableStore", () -> new GrowableStore(64, Long.MAX_VALUE), MULTIPLE),
                new StoreUnderTest("InlineStore", () -> new InlineStore(4096), Guarantees.NONE),
                new StoreUnderTest("SmallStore", () -> new SmallStore(32, new ArenaStore(256, Long.MAX_VALUE)), MULTIPLE),
                new StoreUnderTest("SharedArenaStore", () -> new SharedArenaStore(256, Long.MAX_VALUE), SHARED_STABLE_MULTIPLE));
    }

    static Supplier<Store> named(String name, Supplier<Store> factory) {
        return new Supplier<>() {
            @Override public Store get() { return factory.get(); }
            @Override public String toString() { return name; }
        };
    }

    /** Every store that can hold many allocations at once (all but InlineStore). */
    static Stream<Supplier<Store>> multiple() {
        return withGuarantees().stream().filter(s -> s.guarantees().multiple())
                .map(s -> named(s.name(), s.factory()));
    }

    static Stream<Supplier<Store>> all() {
        return withGuarantees().stream().map(s -> named(s.name(), s.factory()));
    }

    /** Every store, and every store wrapped in a CheckedStore. */
    static Stream<Supplier<Store>> multipleAndChecked() {
        return withGuarantees().stream().filter(s -> s.guarantees().multiple()).flatMap(s -> Stream.of(
                named(s.name(), s.factory()),
                named("Checked " + s.name(), () -> new CheckedStore(s.factory().get()))));
    }
}
