package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** SlabStore at the edges: exact sizes, zero sizes, alignments, closing and retiring (mutation testing). */
class SlabStoreBoundaryTest {

    @Test
    void theConstructorAcceptsTheLimitsItStates() {
        assertDoesNotThrow(() -> new SlabStore(Integer.MAX_VALUE / 2, 8).close());
        assertDoesNotThrow(() -> new SlabStore(1, 1, 1).close());
        assertThrows(IllegalArgumentException.class, () -> new SlabStore(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new SlabStore(Integer.MAX_VALUE / 2 + 1, 8));
        assertThrows(IllegalArgumentException.class, () -> new SlabStore(8, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SlabStore(8, 8, (1 << 29) + 1));
    }

    @Test
    void aRequestOfExactlyTheSlotSizeFitsAndZeroBytesTakeNoSlot() {
        try (SlabStore slab = new SlabStore(32, 8)) {
            long full = slab.allocate(32, 8);
            slab.resolve(full, 32).set(JAVA_LONG, 24, 5);
            long none = slab.allocate(0, 8);
            assertTrue(Checks.isDangling(none), "zero bytes: a dangling handle");
            assertEquals(1, slab.liveCount());
            long zeroedNone = slab.allocateZeroed(0, 8);
            assertTrue(Checks.isDangling(zeroedNone));
            slab.deallocate(full, 0, 8); // zero bytes: frees nothing
            assertEquals(1, slab.liveCount());
            assertEquals(5, slab.resolve(full, 32).get(JAVA_LONG, 24));
            slab.deallocate(full, 32, 8);
            assertEquals(0, slab.liveCount());
        }
    }

    @Test
    void anAlignmentStricterThanTheSlotsIsAnArgumentErrorEverywhere() {
        try (SlabStore slab = new SlabStore(32, 8)) {
            long h = slab.allocate(16, 8);
            for (Executable call : new Executable[] {() -> slab.allocate(8, 16), () -> slab.deallocate(h, 16, 16),
                    () -> slab.grow(h, 16, 32, 16), () -> slab.shrink(h, 16, 8, 16)}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
                assertTrue(e.getMessage().contains("stricter than the slot alignment"), e.getMessage());
            }
            assertEquals(1, slab.liveCount(), "nothing changed");
        }
    }

    @Test
    void everyOperationOnAClosedSlabSaysItIsClosed() {
        SlabStore slab = new SlabStore(32, 8);
        long h = slab.allocate(16, 8);
        slab.close();
        for (Executable call : new Executable[] {() -> slab.allocate(16, 8), () -> slab.allocate(0, 8),
                () -> slab.deallocate(h, 16, 8), () -> slab.grow(h, 16, 32, 8), () -> slab.shrink(h, 16, 8, 8),
                () -> slab.resolve(h, 16)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        }
        assertTrue(slab.toString().contains("closed"), slab.toString());
    }

    @Test
    void retiredSlotsAreCountedAndNamedWhenTheSlabRunsOut() {
        try (SlabStore slab = new SlabStore(16, 8, 1, 2)) {
            for (int i = 0; i < 2; i++) {
                slab.deallocate(slab.allocate(16, 8), 16, 8);
            }
            assertTrue(slab.toString().contains("1 retired"), slab.toString());
            StoreExhaustedException e = assertThrows(StoreExhaustedException.class, () -> slab.allocate(16, 8));
            assertTrue(e.getMessage().contains("are live or retired"), e.getMessage());
        }
        try (SlabStore slab = new SlabStore(16, 8, 1)) {
            slab.allocate(16, 8);
            StoreExhaustedException e = assertThrows(StoreExhaustedException.class, () -> slab.allocate(16, 8));
            assertTrue(e.getMessage().endsWith("are live"), e.getMessage());
        }
    }

    @Test
    void growZeroedWithinTheSlotClearsOnlyTheNewBytes() {
        try (SlabStore slab = new SlabStore(32, 8)) {
            long h = slab.allocate(32, 8);
            slab.resolve(h, 32).fill((byte) 7);
            long grown = slab.growZeroed(h, 16, 32, 8);
            assertEquals(0x0707070707070707L, slab.resolve(grown, 32).get(JAVA_LONG, 8));
            assertEquals(0, slab.resolve(grown, 32).get(JAVA_LONG, 16));
            assertEquals(0, slab.resolve(grown, 32).get(JAVA_LONG, 24));
            long same = slab.growZeroed(grown, 32, 32, 8);
            assertEquals(0, slab.resolve(same, 32).get(JAVA_LONG, 24));
        }
    }

    @Test
    void forgedHandlesForSlotsNeverUsedFreedOrBeyondThePagesAreStale() {
        try (SlabStore slab = new SlabStore(16, 8)) { // 4,096 slots per page
            long first = slab.allocate(16, 8); // slot 0, generation 1
            long salt = first ^ (1L << SlabStore.SLOT_BITS);
            java.util.function.LongBinaryOperator forge =
                    (generation, slot) -> ((generation << SlabStore.SLOT_BITS) | slot) ^ salt;
            assertEquals(first, forge.applyAsLong(1, 0));
            long second = slab.allocate(16, 8);
            assertEquals(forge.applyAsLong(1, 1), second, "slot 1, generation 1");
            slab.deallocate(second, 16, 8);
            for (long forged : new long[] {forge.applyAsLong(0, 2), forge.applyAsLong(1, 2), forge.applyAsLong(0, 1),
                    forge.applyAsLong(1, 1), forge.applyAsLong(2, 1), forge.applyAsLong(1, 4096),
                    forge.applyAsLong(0, 4096), forge.applyAsLong(2, 0)}) {
                assertThrows(StaleHandleException.class, () -> slab.resolve(forged, 8));
                assertThrows(StaleHandleException.class, () -> slab.deallocate(forged, 8, 8));
                assertThrows(StaleHandleException.class, () -> slab.grow(forged, 8, 16, 8));
                assertThrows(StaleHandleException.class, () -> slab.shrink(forged, 8, 4, 8));
            }
            assertEquals(forge.applyAsLong(2, 1), slab.allocate(16, 8), "slot 1 again, generation 2");
        }
    }
}
