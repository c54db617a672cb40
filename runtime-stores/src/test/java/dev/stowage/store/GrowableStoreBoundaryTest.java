package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GrowableStore at the edges: exact fits, limits and free-block reuse (found by mutation testing). */
class GrowableStoreBoundaryTest {

    private static long address(GrowableStore store, long handle, long size) {
        return store.resolve(handle, size).address();
    }

    @Test
    void theConstructorAcceptsTheLimitsItStates() {
        assertDoesNotThrow(() -> new GrowableStore(GrowableStore.MAX_CAPACITY, GrowableStore.MAX_CAPACITY).close());
        assertDoesNotThrow(() -> new GrowableStore(64, 64).close());
        assertThrows(IllegalArgumentException.class, () -> new GrowableStore(0, 64));
        assertThrows(IllegalArgumentException.class, () -> new GrowableStore(GrowableStore.MAX_CAPACITY + 1, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new GrowableStore(65, 64));
    }

    @Test
    void anAllocationThatExactlyFillsTheBufferOrTheLimitFits() {
        try (GrowableStore store = new GrowableStore(64, 128)) {
            long a = store.allocate(64, 8);
            assertEquals(64, store.capacity());
            assertEquals(1, store.moves(), "the first buffer, exactly filled");
            long b = store.allocate(64, 8); // exactly up to the limit
            assertEquals(128, store.capacity());
            assertThrows(StoreExhaustedException.class, () -> store.allocate(1, 1));
            store.resolve(a, 64).set(JAVA_LONG, 56, 1);
            store.resolve(b, 64).set(JAVA_LONG, 56, 2);
            assertEquals(1, store.resolve(a, 64).get(JAVA_LONG, 56));
        }
    }

    @Test
    void theBufferDoublesOnlyAsFarAsNeededAndNotPastTheLimit() {
        try (GrowableStore store = new GrowableStore(64, 1000)) {
            store.allocate(64, 8);
            store.allocate(64, 8);
            assertEquals(128, store.capacity(), "doubled once");
            store.allocate(300, 8);
            assertEquals(512, store.capacity());
            store.allocate(400, 8);
            assertEquals(1000, store.capacity(), "the limit, not 1024");
        }
    }

    @Test
    void anAlignmentTheBufferAlreadyHasDoesNotMoveIt() {
        try (GrowableStore store = new GrowableStore(256, 1 << 20)) {
            store.allocate(8, 8);
            long moves = store.moves();
            store.allocate(8, 16);
            assertEquals(moves, store.moves(), "16 is the buffer's alignment");
            store.allocate(8, 32);
            assertEquals(moves + 1, store.moves(), "32 is stricter: a more aligned buffer");
        }
    }

    @Test
    void growingTheTopmostAllocationToExactlyTheCapacityDoesNotMoveTheBuffer() {
        try (GrowableStore store = new GrowableStore(128, 1 << 20)) {
            long a = store.allocate(64, 8);
            long moves = store.moves();
            long grown = store.grow(a, 64, 128, 8);
            assertEquals(moves, store.moves());
            assertEquals(address(store, grown, 128), store.resolve(grown, 8).address());
        }
        try (GrowableStore full = new GrowableStore(64, 64)) {
            long h = full.allocate(64, 8);
            assertThrows(StoreExhaustedException.class, () -> full.grow(h, 64, 65, 8), "past the limit");
            full.resolve(h, 64).set(JAVA_LONG, 0, 8); // the failed grow changed nothing
        }
    }

    @Test
    void growingAnAllocationBelowTheTopMovesItAndFreesItsOldPlace() {
        try (GrowableStore store = new GrowableStore(256, 1 << 20)) {
            long a = store.allocate(32, 8);
            long oldPlace = address(store, a, 32);
            store.allocate(32, 8); // a is not topmost
            long grown = store.grow(a, 32, 64, 8);
            assertTrue(address(store, grown, 64) != oldPlace, "moved");
            long reuse = store.allocate(32, 8); // fills the buffer's top first...
            long more = store.allocate(256 - 128 - 32, 8);
            long again = store.allocate(32, 8); // ...then a free block: a's old place
            assertEquals(oldPlace, address(store, again, 32));
            store.deallocate(reuse, 32, 8);
            store.deallocate(more, 256 - 128 - 32, 8);
        }
    }

    @Test
    void freeBlocksAreReusedFirstFitWithAlignmentPaddingKept() {
        try (GrowableStore store = new GrowableStore(256, 256)) {
            long a = store.allocate(8, 8);    // offset 0
            long b = store.allocate(40, 8);   // offset 8..48
            long c = store.allocate(208, 8);  // the rest: the buffer is full
            long base = address(store, a, 8);
            store.deallocate(b, 40, 8);       // a free block at 8..48
            long aligned = store.allocate(16, 16); // padded to 16: 16..32, leaving 8..16 and 32..48 free
            assertEquals(base + 16, address(store, aligned, 16));
            long front = store.allocate(8, 8);
            assertEquals(base + 8, address(store, front, 8), "the padding before stays usable");
            long back = store.allocate(16, 8);
            assertEquals(base + 32, address(store, back, 16), "the rest after stays usable, exactly");
            assertThrows(StoreExhaustedException.class, () -> store.allocate(8, 8), "nothing left");
            store.deallocate(c, 208, 8);
        }
    }

    @Test
    void freeingTheTopmostLowersTheTopAndCoalescesWithTheFreeBlockBelow() {
        try (GrowableStore store = new GrowableStore(256, 256)) {
            long a = store.allocate(64, 8);
            long b = store.allocate(64, 8);
            long c = store.allocate(64, 8);
            long base = address(store, a, 64);
            store.deallocate(b, 64, 8); // free block 64..128
            store.deallocate(c, 64, 8); // the top falls to 128, then to 64 with b's block
            long big = store.allocate(192, 8); // only fits if the top went down to 64
            assertEquals(base + 64, address(store, big, 192));
        }
        try (GrowableStore store = new GrowableStore(256, 256)) {
            long a = store.allocate(64, 8);
            long b = store.allocate(64, 8);
            long c = store.allocate(64, 8);
            store.allocate(64, 8); // full
            long base = address(store, a, 64);
            store.deallocate(c, 64, 8);
            store.deallocate(a, 64, 8);
            store.deallocate(b, 64, 8); // coalesces with a's block before and c's block after
            long big = store.allocate(192, 8);
            assertEquals(base, address(store, big, 192));
        }
    }

    @Test
    void operationsOnAClosedStoreSayItIsClosed() {
        GrowableStore store = new GrowableStore();
        long h = store.allocate(8, 8);
        store.close();
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
                () -> store.deallocate(h, 8, 8), () -> store.grow(h, 8, 16, 8), () -> store.compact(),
                () -> store.resolve(h, 8), () -> store.shrink(h, 8, 4, 8)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        }
        assertTrue(store.toString().contains("closed"));
    }

    /** The first handle of a store is entry 0, generation 1: from it the salt, and any forged handle. */
    private static long saltOf(long firstHandle) {
        return firstHandle ^ (1L << GrowableStore.ENTRY_BITS);
    }

    private static long forge(long salt, int generation, int entry) {
        return (((long) generation << GrowableStore.ENTRY_BITS) | entry) ^ salt;
    }

    @Test
    void forgedHandlesForEntriesNeverUsedOrBeyondTheTableAreStale() {
        try (GrowableStore store = new GrowableStore(256, 1 << 20)) {
            long first = store.allocate(8, 8);
            long salt = saltOf(first);
            assertEquals(first, forge(salt, 1, 0));
            for (long forged : new long[] {forge(salt, 0, 1), forge(salt, 0, 15), forge(salt, 1, 16),
                    forge(salt, 0, 16), forge(salt, 2, 0)}) {
                assertThrows(StaleHandleException.class, () -> store.resolve(forged, 8));
                assertThrows(StaleHandleException.class, () -> store.deallocate(forged, 8, 8));
                assertThrows(StaleHandleException.class, () -> store.grow(forged, 8, 16, 8));
            }
        }
    }

    @Test
    void aFreedEntryIsReusedWithTheNextGeneration() {
        try (GrowableStore store = new GrowableStore(256, 1 << 20)) {
            long first = store.allocate(8, 8);
            long salt = saltOf(first);
            store.deallocate(first, 8, 8);
            long second = store.allocate(8, 8);
            assertEquals(forge(salt, 2, 0), second, "entry 0 again, generation 2");
            long third = store.allocate(8, 8);
            assertEquals(forge(salt, 1, 1), third, "a new entry");
        }
    }

    @Test
    void aFreeBlockTooSmallForARequestIsNotUsed() {
        try (GrowableStore store = new GrowableStore(256, 512)) {
            long a = store.allocate(64, 8);
            long small = store.allocate(16, 8);
            long b = store.allocate(176, 8); // the buffer is full
            store.resolve(b, 176).fill((byte) 9);
            store.deallocate(small, 16, 8); // a 16-byte hole between a and b
            long big = store.allocate(32, 8); // does not fit the hole: the buffer grows
            store.resolve(big, 32).fill((byte) 1);
            for (long i = 0; i < 176; i++) {
                assertEquals(9, store.resolve(b, 176).get(java.lang.foreign.ValueLayout.JAVA_BYTE, i), "b intact");
            }
            assertEquals(512, store.capacity());
            store.deallocate(a, 64, 8);
        }
    }

    @Test
    void aStricterAlignmentPlacesTheAllocationAfterTheOthers() {
        try (GrowableStore store = new GrowableStore(256, 1 << 20)) {
            long a = store.allocate(24, 8);
            store.resolve(a, 24).set(JAVA_LONG, 16, 123);
            long aligned = store.allocate(64, 64); // moves to a 64-aligned buffer
            long aAddress = address(store, a, 24);
            long alignedAddress = address(store, aligned, 64);
            assertEquals(0, alignedAddress % 64);
            assertTrue(alignedAddress >= aAddress + 24, "after a, not over it");
            store.resolve(aligned, 64).fill((byte) 0x55);
            assertEquals(123, store.resolve(a, 24).get(JAVA_LONG, 16));
        }
    }

    @Test
    void growZeroedClearsBytesThatWereWrittenBefore() {
        try (GrowableStore store = new GrowableStore(256, 1 << 20)) {
            long h = store.allocate(64, 8);
            store.resolve(h, 64).fill((byte) -1);
            long shrunk = store.shrink(h, 64, 16, 8); // the 48 dirty bytes above stay in the buffer
            long grown = store.growZeroed(shrunk, 16, 64, 8); // topmost: in place, over the dirty bytes
            assertEquals(-1L, store.resolve(grown, 64).get(JAVA_LONG, 8));
            for (long offset = 16; offset < 64; offset += 8) {
                assertEquals(0, store.resolve(grown, 64).get(JAVA_LONG, offset), "offset " + offset);
            }
        }
    }

    @Test
    void shrinkingGivesTheTailBackAndEndsTheOldHandle() {
        try (GrowableStore store = new GrowableStore(128, 128)) {
            long a = store.allocate(64, 8);
            long b = store.allocate(64, 8); // full; a is not topmost
            long aAddress = address(store, a, 64);
            long shrunk = store.shrink(a, 64, 16, 8);
            assertThrows(StaleHandleException.class, () -> store.resolve(a, 16), "the old handle ended");
            long tail = store.allocate(48, 8); // only fits in a's released tail
            assertEquals(aAddress + 16, address(store, tail, 48));
            assertEquals(aAddress, address(store, shrunk, 16));
            long gone = store.shrink(shrunk, 16, 0, 8);
            assertTrue(Checks.isDangling(gone));
            assertThrows(StaleHandleException.class, () -> store.resolve(shrunk, 16), "shrunk to nothing: ended");
            long dangling = store.dangling(8);
            assertEquals(dangling, store.shrink(dangling, 0, 0, 8), "a dangling handle shrinks to itself");
            store.deallocate(b, 64, 8);
        }
    }

    @Test
    void alignmentPaddingIsKeptAsAFreeBlock() {
        try (GrowableStore store = new GrowableStore(64, 64)) {
            long a = store.allocate(8, 8);          // 0..8
            long b = store.allocate(8, 16);         // 16..24: 8..16 is padding
            long c = store.allocate(40, 8);         // 24..64: full
            long base = address(store, a, 8);
            assertEquals(base + 16, address(store, b, 8));
            long padding = store.allocate(8, 8);    // only the padding is left
            assertEquals(base + 8, address(store, padding, 8));
            store.deallocate(c, 40, 8);
        }
    }

    @Test
    void theTableGrowsPastItsFirstSixteenEntries() {
        try (GrowableStore store = new GrowableStore(64, 1 << 20)) {
            long[] handles = new long[40];
            for (int i = 0; i < handles.length; i++) {
                handles[i] = store.allocate(8, 8);
                store.resolve(handles[i], 8).set(JAVA_LONG, 0, i);
            }
            for (int i = 0; i < handles.length; i++) {
                assertEquals(i, store.resolve(handles[i], 8).get(JAVA_LONG, 0));
            }
            assertTrue(Checks.isDangling(store.allocate(0, 8)), "zero bytes: dangling");
        }
    }

    @Test
    void growingTheTopmostPastTheCapacityMovesTheBufferAndKeepsTheBytes() {
        try (GrowableStore store = new GrowableStore(64, 1 << 20)) {
            long h = store.allocate(64, 8);
            store.resolve(h, 64).set(JAVA_LONG, 56, 99);
            long moves = store.moves();
            long grown = store.grow(h, 64, 100, 8);
            assertEquals(moves + 1, store.moves());
            assertEquals(99, store.resolve(grown, 100).get(JAVA_LONG, 56));
        }
    }

    @Test
    void resolvingANegativeSizeSaysSo() {
        try (GrowableStore store = new GrowableStore()) {
            long h = store.allocate(8, 8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.resolve(h, -1));
            assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
        }
    }

    @Test
    void anEntryRetiresWhenFreedAtTheRetireGeneration() {
        try (GrowableStore store = new GrowableStore(64, 1 << 20, 2)) {
            long first = store.allocate(8, 8);
            long salt = saltOf(first);
            store.deallocate(first, 8, 8);               // generation 1: reused
            long second = store.allocate(8, 8);
            assertEquals(forge(salt, 2, 0), second);
            store.deallocate(second, 8, 8);              // generation 2: retired
            assertEquals(forge(salt, 1, 1), store.allocate(8, 8), "a new entry, not entry 0");
        }
    }
}
