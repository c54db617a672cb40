package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear exception with the values involved, and changes nothing. */
class BadInputTest {

    static Stream<Supplier<Store>> stores() {
        return Stream.concat(StoreFactories.all(), StoreFactories.all().map(
                f -> StoreFactories.named("Checked " + f, () -> new CheckedStore(f.get()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void negativeSizesAndBadAlignmentsAreRejectedWithTheValue(Supplier<Store> factory) {
        try (Store store = factory.get()) {
            assertMessageHas(IllegalArgumentException.class, "-8", () -> store.allocate(-8, 8));
            assertMessageHas(IllegalArgumentException.class, "3", () -> store.allocate(8, 3));
            assertMessageHas(IllegalArgumentException.class, "0", () -> store.allocate(8, 0));
            assertMessageHas(IllegalArgumentException.class, "-16", () -> store.allocateZeroed(8, -16));
            assertMessageHas(IllegalArgumentException.class, "6", () -> store.dangling(6));
            long h = store.allocate(16, 8);
            store.resolve(h, 16).set(JAVA_LONG, 0, 77);
            assertMessageHas(IllegalArgumentException.class, "8", () -> store.grow(h, 16, 8, 8));
            assertMessageHas(IllegalArgumentException.class, "32", () -> store.shrink(h, 16, 32, 8));
            assertMessageHas(IllegalArgumentException.class, "5", () -> store.deallocate(h, 16, 5));
            // Nothing changed: the allocation is intact and usable.
            assertEquals(77, store.resolve(h, 16).get(JAVA_LONG, 0));
            store.deallocate(h, 16, 8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyOperationAfterCloseThrows(Supplier<Store> factory) {
        Store store = factory.get();
        long h = store.allocate(8, 8);
        store.close();
        assertThrows(IllegalStateException.class, () -> store.allocate(8, 8));
        assertThrows(IllegalStateException.class, () -> store.allocateZeroed(8, 8));
        assertThrows(IllegalStateException.class, () -> store.resolve(h, 8));
        assertThrows(IllegalStateException.class, () -> store.deallocate(h, 8, 8));
        assertThrows(IllegalStateException.class, () -> store.grow(h, 8, 16, 8));
        assertThrows(IllegalStateException.class, () -> store.shrink(h, 8, 4, 8));
        store.close(); // closing twice is harmless
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aDanglingHandleNamesNoMemory(Supplier<Store> factory) {
        try (Store store = factory.get()) {
            long d = store.dangling(8);
            assertEquals(0, store.resolve(d, 0).byteSize());
            store.deallocate(d, 0, 8); // a zero-byte "allocation": nothing to free
            long grown = store.grow(d, 0, 8, 8); // growing from nothing allocates
            store.resolve(grown, 8).set(JAVA_LONG, 0, 5);
            assertEquals(5, store.resolve(grown, 8).get(JAVA_LONG, 0));
            store.deallocate(grown, 8, 8);
        }
    }

    @Test
    void exhaustionNamesTheNumbersAndKeepsEverything() {
        try (ArenaStore arena = new ArenaStore(256, 1024)) {
            long h = arena.allocate(64, 8);
            arena.resolve(h, 64).set(JAVA_LONG, 0, 9);
            StoreExhaustedException e = assertThrows(StoreExhaustedException.class, () -> arena.allocate(2048, 8));
            assertTrue(e.getMessage().contains("2048") && e.getMessage().contains("1024"), e.getMessage());
            assertThrows(StoreExhaustedException.class, () -> arena.grow(h, 64, 4096, 8));
            assertEquals(9, arena.resolve(h, 64).get(JAVA_LONG, 0));
        }
        try (GrowableStore growable = new GrowableStore(64, 128)) {
            long h = growable.allocate(64, 8);
            growable.resolve(h, 64).set(JAVA_LONG, 0, 9);
            StoreExhaustedException e = assertThrows(StoreExhaustedException.class, () -> growable.allocate(100, 8));
            assertTrue(e.getMessage().contains("128"), e.getMessage());
            assertThrows(StoreExhaustedException.class, () -> growable.grow(h, 64, 256, 8));
            assertThrows(StoreExhaustedException.class, () -> growable.allocate(8, 256));
            assertEquals(9, growable.resolve(h, 64).get(JAVA_LONG, 0));
        }
        try (SlabStore slab = new SlabStore(16, 8, 2)) {
            slab.allocate(16, 8);
            slab.allocate(16, 8);
            StoreExhaustedException e = assertThrows(StoreExhaustedException.class, () -> slab.allocate(16, 8));
            assertTrue(e.getMessage().contains("2"), e.getMessage());
            assertMessageHas(StoreExhaustedException.class, "17", () -> slab.allocate(17, 8));
            assertMessageHas(IllegalArgumentException.class, "16", () -> slab.allocate(8, 16));
        }
        try (InlineStore inline = new InlineStore(16)) {
            assertMessageHas(StoreExhaustedException.class, "32", () -> inline.allocate(32, 8));
            assertMessageHas(IllegalArgumentException.class, "16", () -> inline.allocate(8, 16));
        }
        try (GlobalStore global = new GlobalStore()) {
            assertMessageHas(StoreExhaustedException.class, String.valueOf(Long.MAX_VALUE / 2),
                    () -> global.allocate(Long.MAX_VALUE / 2, 8));
        }
    }

    @Test
    void storesThatTrackTheirAllocationsRejectDoubleFreesAndForeignHandles() {
        try (SlabStore slab = new SlabStore(16, 8)) {
            long h = slab.allocate(16, 8);
            slab.deallocate(h, 16, 8);
            assertThrows(StaleHandleException.class, () -> slab.deallocate(h, 16, 8));
            assertThrows(StaleHandleException.class, () -> slab.deallocate(12345L << 32, 16, 8));
            assertThrows(StaleHandleException.class, () -> slab.grow(h, 16, 16, 8));
        }
        try (GrowableStore growable = new GrowableStore()) {
            long a = growable.allocate(16, 8);
            growable.allocate(16, 8);
            growable.deallocate(a, 16, 8);
            assertThrows(StaleHandleException.class, () -> growable.deallocate(a, 16, 8));
            assertThrows(StaleHandleException.class, () -> growable.resolve(1L << 50, 8));
        }
        try (InlineStore inline = new InlineStore(16)) {
            long first = inline.allocate(8, 8);
            inline.allocate(8, 8);
            StaleHandleException e = assertThrows(StaleHandleException.class, () -> inline.resolve(first, 8));
            assertTrue(e.getMessage().contains("allocated, grown or shrunk since"), e.getMessage());
        }
        try (ArenaStore arena = new ArenaStore(64, Long.MAX_VALUE)) {
            arena.allocate(8, 8);
            assertThrows(StaleHandleException.class, () -> arena.resolve(1L << ArenaStore.OFFSET_BITS, 8),
                    "chunk 1 does not exist yet");
            try (ArenaStore other = new ArenaStore(64, Long.MAX_VALUE)) {
                other.allocate(64, 8);
                long foreign = other.allocate(64, 8); // in other's second chunk: this arena has one
                assertThrows(StaleHandleException.class, () -> arena.deallocate(foreign, 8, 8));
                assertThrows(StaleHandleException.class, () -> arena.grow(foreign, 8, 16, 8));
                assertThrows(StaleHandleException.class, () -> arena.resolve(foreign, 8));
            }
        }
    }

    @Test
    void aSmallStoreNeedsAMultipleFallback() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmallStore(16, new InlineStore(64)));
        assertTrue(e.getMessage().contains("@Multiple"), e.getMessage());
    }

    @Test
    void badConstructorArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ArenaStore(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ArenaStore(16, 0));
        assertThrows(IllegalArgumentException.class, () -> new SlabStore(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new SlabStore(16, 3));
        assertThrows(IllegalArgumentException.class, () -> new GrowableStore(128, 64));
        assertThrows(IllegalArgumentException.class, () -> new InlineStore(-1));
        assertThrows(NullPointerException.class, () -> new CheckedStore(null));
    }

    private static void assertMessageHas(Class<? extends Throwable> type, String text,
            org.junit.jupiter.api.function.Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(text), "message should name " + text + ": " + e.getMessage());
    }
}
