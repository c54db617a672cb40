package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each way a plain call on a store used to crash the JVM, corrupt the store or read foreign memory
 * (issue 15), as a test. Run in a child JVM by {@link CrashProofTest}: before the fix, the first
 * probe alone killed the JVM with SIGSEGV. The last test jumps to the last checked-store id (and back
 * to ids never issued), so the methods run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreSafetyProbes {

    private static final List<Supplier<Store>> SAFE_STORES = List.of(
            StoreFactories.named("ArenaStore", () -> new ArenaStore(256, 1 << 24)),
            StoreFactories.named("SlabStore", () -> new SlabStore(64, 8)),
            StoreFactories.named("GrowableStore", () -> new GrowableStore(64, 1 << 24)),
            StoreFactories.named("InlineStore", () -> new InlineStore(64)),
            StoreFactories.named("SmallStore", () -> new SmallStore(16, new ArenaStore(256, 1 << 24))),
            StoreFactories.named("SharedArenaStore", () -> new SharedArenaStore(256, 1 << 24)));

    /** Wild values: edges, real addresses of other memory, and 2,000 random longs (fixed seed). */
    private static List<Long> wildHandles(Store other) {
        List<Long> wild = new ArrayList<>(List.of(0L, 1L, -1L, 8L, 4096L, Long.MIN_VALUE, Long.MAX_VALUE,
                1L << 40, 1L << 56, (1L << 62) + 8, 0x7f00_0000_0000L));
        try (Arena arena = Arena.ofConfined()) {
            wild.add(arena.allocate(64).address());
        }
        wild.add(other.resolve(other.allocate(8, 8), 8).address()); // the address another store uses
        Random random = new Random(15);
        for (int i = 0; i < 2_000; i++) {
            wild.add(random.nextLong());
            wild.add(random.nextLong() & ((1L << 48) - 1)); // plausible user-space addresses
        }
        return wild;
    }

    @Test @Order(1)
    void resolveOfAHandleNoAllocationReturnedThrowsOnEverySafeStore() {
        for (Supplier<Store> factory : SAFE_STORES) {
            try (Store store = factory.get(); Store other = factory.get()) {
                long live = store.allocate(8, 8);
                store.resolve(live, 8).set(JAVA_LONG, 0, 42);
                for (long wild : wildHandles(other)) {
                    if (wild == live) continue;
                    assertThrows(RuntimeException.class, () -> store.resolve(wild, 8),
                            () -> factory + " resolved " + Checks.hex(wild));
                    assertThrows(RuntimeException.class, () -> store.deallocate(wild, 8, 8),
                            () -> factory + " freed " + Checks.hex(wild));
                }
                assertEquals(42, store.resolve(live, 8).get(JAVA_LONG, 0), factory + " kept its data");
            }
        }
    }

    @Test @Order(2)
    void aForeignHandleOfAStoreOfTheSameKindIsRefused() {
        for (Supplier<Store> factory : SAFE_STORES) {
            try (Store store = factory.get(); Store other = factory.get()) {
                long mine = store.allocate(8, 8);
                long theirs = other.allocate(8, 8); // same kind, same first allocation
                assertThrows(StaleHandleException.class, () -> store.deallocate(theirs, 8, 8), factory::toString);
                assertThrows(StaleHandleException.class, () -> store.resolve(theirs, 8), factory::toString);
                store.resolve(mine, 8).set(JAVA_LONG, 0, 7);
                assertEquals(7, store.resolve(mine, 8).get(JAVA_LONG, 0));
            }
        }
    }

    @Test @Order(3)
    void arenaStoreFreeAfterReuseDoesNotMakeTwoLiveHandlesShareMemory() {
        try (ArenaStore arena = new ArenaStore()) {
            long a = arena.allocate(16, 8);
            arena.deallocate(a, 16, 8);             // the last allocation: the bump pointer goes back
            long b = arena.allocate(16, 8);         // reuses a's memory
            assertNotEquals(a, b, "a new epoch: the reused memory has a new handle");
            arena.resolve(b, 16).set(JAVA_LONG, 0, 1234);
            assertThrows(StaleHandleException.class, () -> arena.deallocate(a, 16, 8)); // stale: changes nothing
            long c = arena.allocate(16, 8);
            arena.resolve(c, 16).set(JAVA_LONG, 0, 5678);
            assertEquals(1234, arena.resolve(b, 16).get(JAVA_LONG, 0), "b and c do not alias");
            long bAddress = arena.resolve(b, 16).address();
            long cAddress = arena.resolve(c, 16).address();
            assertTrue(cAddress >= bAddress + 16 || cAddress + 16 <= bAddress, "disjoint");
        }
    }

    @Test @Order(4)
    void arenaStoreEpochsNeverComeBackForAnOffset() {
        try (ArenaStore arena = new ArenaStore()) {
            long first = arena.allocate(16, 8);
            arena.deallocate(first, 16, 8);
            Set<Long> seen = new HashSet<>(List.of(first));
            for (int i = 0; i < 3 * (ArenaStore.EPOCH_MASK + 1); i++) { // the 10-bit epoch wraps 3 times
                long h = arena.allocate(16, 8);
                assertTrue(seen.add(h), "handle " + Checks.hex(h) + " issued twice");
                arena.deallocate(h, 16, 8);
            }
            long live = arena.allocate(16, 8);
            arena.resolve(live, 16).set(JAVA_LONG, 0, 99);
            for (long stale : seen) { // every one of them stale: none frees the live one
                assertThrows(StaleHandleException.class, () -> arena.deallocate(stale, 16, 8));
            }
            long next = arena.allocate(16, 8);
            arena.resolve(next, 16).set(JAVA_LONG, 0, -1);
            assertEquals(99, arena.resolve(live, 16).get(JAVA_LONG, 0));
        }
    }

    /**
     * A shrink or grow with a wrong old size, or a second free, on an allocation that is not the last:
     * the arena used to take the caller's word for the size (shrink(a, 32, 24) on a 16-byte a handed
     * back 24 bytes, 8 of them b's), and to accept a free of a freed handle. Its record refuses both.
     */
    @Test @Order(4)
    void arenaStoreWrongOldSizesAndDoubleFreesThrowInsteadOfAliasing() {
        try (ArenaStore arena = new ArenaStore()) {
            long a = arena.allocate(16, 8);
            long b = arena.allocate(16, 8);
            arena.resolve(b, 16).set(JAVA_LONG, 0, 77);
            assertThrows(IllegalArgumentException.class, () -> arena.shrink(a, 32, 24, 8));
            assertThrows(IllegalArgumentException.class, () -> arena.grow(a, 8, 12, 8));
            assertThrows(IllegalArgumentException.class, () -> arena.deallocate(a, 24, 8));
            assertThrows(IllegalArgumentException.class, () -> arena.shrink(b, 24, 8, 8)); // the last one too
            long a8 = arena.shrink(a, 16, 8, 8);                  // the right size works
            assertThrows(IllegalArgumentException.class, () -> arena.grow(a8, 16, 24, 8)); // 8 bytes now
            long grown = arena.grow(a8, 8, 64, 8);                 // not the last: moves
            assertThrows(StaleHandleException.class, () -> arena.shrink(a8, 8, 4, 8)); // grown: dead
            arena.deallocate(grown, 64, 8);
            assertThrows(StaleHandleException.class, () -> arena.deallocate(grown, 64, 8)); // double free
            long forged = a ^ 8; // offset 8: inside a (offset 0), where no allocation starts
            assertThrows(StaleHandleException.class, () -> arena.deallocate(forged, 8, 8));
            assertEquals(77, arena.resolve(b, 16).get(JAVA_LONG, 0), "b untouched by every refused call");
        }
    }

    @Test @Order(5)
    void growableStoreAllocateOfLongMaxValueThrowsAndChangesNothing() {
        for (Supplier<Store> factory : List.<Supplier<Store>>of(GrowableStore::new,
                () -> new CheckedStore(new GrowableStore()))) {
            try (Store store = factory.get()) {
                long h = store.allocate(8, 8);
                store.resolve(h, 8).set(JAVA_LONG, 0, 77);
                assertThrows(StoreExhaustedException.class, () -> store.allocate(Long.MAX_VALUE, 8));
                assertThrows(StoreExhaustedException.class, () -> store.allocate(Long.MAX_VALUE - 7, 64));
                assertThrows(StoreExhaustedException.class, () -> store.grow(h, 8, Long.MAX_VALUE, 8));
                long next = store.allocate(8, 8);
                assertTrue(next >= 0, "a valid handle after the failures: " + Checks.hex(next));
                store.resolve(next, 8).set(JAVA_LONG, 0, 1);
                assertEquals(77, store.resolve(h, 8).get(JAVA_LONG, 0));
            }
        }
    }

    @Test @Order(6)
    void checkedGlobalStoreCatchesEveryMisuseThatCrashesTheRawOne() {
        try (CheckedStore store = new CheckedStore(new GlobalStore());
                CheckedStore other = new CheckedStore(new GlobalStore())) {
            long h = store.allocate(32, 8);
            long theirs = other.allocate(32, 8);
            assertThrows(StaleHandleException.class, () -> store.deallocate(theirs, 32, 8), "foreign free");
            assertThrows(IllegalArgumentException.class, () -> store.grow(h, 16, 64, 8), "grow, wrong old size");
            store.deallocate(h, 32, 8);
            assertThrows(StaleHandleException.class, () -> store.deallocate(h, 32, 8), "double free");
            assertThrows(StaleHandleException.class, () -> store.resolve(h, 32), "use after free");
            assertThrows(StaleHandleException.class, () -> store.resolve(0x7f00_0000_0000L, 8), "wild");
            other.deallocate(theirs, 32, 8);
        }
    }

    @Test @Order(7)
    void generationsRetireInsteadOfWrapping() {
        try (SlabStore slab = new SlabStore(16, 8, 2, 3)) { // a slot retires when freed at generation 3
            List<Long> old = new ArrayList<>();
            for (int i = 0; i < 6; i++) { // slot 0 three times, then slot 1 three times
                long h = slab.allocate(16, 8);
                old.add(h);
                slab.deallocate(h, 16, 8);
            }
            assertThrows(StoreExhaustedException.class, () -> slab.allocate(16, 8), "both slots retired");
            for (long h : old) {
                assertThrows(StaleHandleException.class, () -> slab.resolve(h, 16));
            }
        }
        try (GrowableStore growable = new GrowableStore(64, 1 << 20, 6)) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                long h = growable.allocate(8, 8);
                assertTrue(seen.add(h), "handle issued twice");
                growable.deallocate(h, 8, 8);
            }
            for (long h : seen) {
                assertThrows(StaleHandleException.class, () -> growable.resolve(h, 8));
            }
        }
        try (CheckedStore checked = CheckedStore.retiringSlotsAt(new ArenaStore(), 4)) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                long h = checked.allocate(8, 8);
                assertTrue(seen.add(h), "checked handle issued twice");
                checked.deallocate(h, 8, 8);
            }
            for (long h : seen) {
                assertThrows(StaleHandleException.class, () -> checked.resolve(h, 8));
            }
        }
    }

    @Test @Order(8)
    void anAlignmentOf2To62IsRejectedAsAnAlignment() {
        for (Supplier<Store> factory : SAFE_STORES) {
            try (Store store = factory.get()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> store.allocate(8, 1L << 62), factory::toString);
                assertTrue(e.getMessage().contains("alignment"), e.getMessage());
                assertTrue(!e.getMessage().contains("chunk"), e.getMessage());
            }
        }
    }

    @Test @Order(9)
    void checkedStoreIdsDoNotWrapAfter16383Stores() {
        CheckedStore first = new CheckedStore(new InlineStore(8));
        long h = first.allocate(8, 8);
        for (int i = 0; i < 16_384; i++) {
            new CheckedStore(new InlineStore(8)).close();
        }
        try (CheckedStore later = new CheckedStore(new InlineStore(8))) {
            long mine = later.allocate(8, 8);
            assertThrows(StaleHandleException.class, () -> later.resolve(h, 8), "a foreign handle");
            assertThrows(StaleHandleException.class, () -> later.deallocate(h, 8, 8), "a foreign free");
            later.deallocate(mine, 8, 8);
        }
        first.deallocate(h, 8, 8);
        first.close();
    }

    @Test @Order(Integer.MAX_VALUE)
    void runningOutOfCheckedStoreIdsThrowsInsteadOfReusingOne() {
        int next = CheckedStore.nextIdForTest();
        CheckedStore.setNextIdForTest(CheckedStore.MAX_ID);
        try {
            new CheckedStore(new InlineStore(8)).close(); // the last id
            assertThrows(StoreExhaustedException.class, () -> new CheckedStore(new InlineStore(8)));
        } finally {
            CheckedStore.setNextIdForTest(next); // ids from here on were skipped, never issued
        }
    }
}
