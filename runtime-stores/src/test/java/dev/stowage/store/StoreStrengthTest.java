package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Behaviours each store documents that the broader tests did not pin down, found by mutation
 * testing (docs/test-strength.md): each test names the behaviour it holds in place.
 */
class StoreStrengthTest {

    @Test
    void aClosedMemberOfASharingSetRefusesEveryOperationWhileTheSetLives() {
        SharedArenaStore first = new SharedArenaStore(256, 1 << 20);
        SharingStore second = first.share();
        long h = second.allocate(16, 8);
        first.close();
        assertTrue(second instanceof SharedArenaStore s && s.isAlive());
        assertThrows(IllegalStateException.class, () -> first.allocate(8, 8));
        assertThrows(IllegalStateException.class, () -> first.allocateZeroed(8, 8));
        assertThrows(IllegalStateException.class, () -> first.deallocate(h, 16, 8));
        assertThrows(IllegalStateException.class, () -> first.grow(h, 16, 32, 8));
        assertThrows(IllegalStateException.class, () -> first.growZeroed(h, 16, 32, 8));
        assertThrows(IllegalStateException.class, () -> first.shrink(h, 16, 8, 8));
        assertThrows(IllegalStateException.class, () -> first.resolve(h, 16));
        assertThrows(IllegalStateException.class, first::share);
        assertEquals(1, first.openMembers());
        second.resolve(h, 16).set(JAVA_LONG, 0, 5); // the open member still works
        assertEquals(5, second.resolve(h, 16).get(JAVA_LONG, 0));
        second.close();
        assertEquals(0, first.openMembers());
        assertTrue(!first.isAlive());
    }

    @Test
    void membersAreNumberedAndToStringSaysWhichIsClosed() {
        SharedArenaStore first = new SharedArenaStore();
        SharingStore second = first.share();
        SharingStore third = second.share();
        assertTrue(first.toString().startsWith("SharedArenaStore[member 0 of 3 open"), first.toString());
        assertTrue(third.toString().startsWith("SharedArenaStore[member 2 of 3 open"), third.toString());
        second.close();
        assertTrue(second.toString().contains("member 1 (closed) of 2 open"), second.toString());
        first.close();
        third.close();
    }

    @Test
    void theSharedOperationsActOnTheOneArena() {
        try (SharedArenaStore store = new SharedArenaStore(256, 1 << 20)) {
            long h = store.allocateZeroed(32, 8);
            assertEquals(0, store.resolve(h, 32).get(JAVA_LONG, 24));
            store.resolve(h, 32).set(JAVA_LONG, 0, 9);
            long grown = store.growZeroed(h, 32, 64, 8);
            assertEquals(9, store.resolve(grown, 64).get(JAVA_LONG, 0));
            assertEquals(0, store.resolve(grown, 64).get(JAVA_LONG, 56));
            long shrunk = store.shrink(grown, 64, 16, 8);
            assertEquals(9, store.resolve(shrunk, 16).get(JAVA_LONG, 0));
            store.deallocate(shrunk, 16, 8);
            assertTrue(store.toString().contains("bytes reserved"), store.toString());
        }
    }

    @Test
    void arenaStoreRewindsOnlyTheLastAllocationAndGrowsItInPlace() {
        try (ArenaStore arena = new ArenaStore(1024, 1 << 20)) {
            long a = arena.allocate(64, 8);
            long b = arena.allocate(64, 8);
            long bAddress = arena.resolve(b, 64).address();
            long grown = arena.grow(b, 64, 128, 8);
            assertEquals(b, grown, "the last allocation grows in place, keeping its handle");
            assertEquals(bAddress, arena.resolve(grown, 128).address());
            long moved = arena.grow(a, 64, 128, 8); // not the last: copied
            assertNotEquals(a, moved);
            arena.deallocate(moved, 128, 8); // the last now: rewound
            long again = arena.allocate(128, 8);
            assertEquals(bAddress + 128, arena.resolve(again, 128).address(), "the rewound memory is reused");
            long shrunk = arena.shrink(again, 128, 32, 8);
            assertEquals(again, shrunk);
            long next = arena.allocate(8, 8);
            assertEquals(bAddress + 128 + 32, arena.resolve(next, 8).address(), "shrinking the last gave memory back");
            assertTrue(Checks.isDangling(arena.shrink(next, 8, 0, 8)), "shrinking to 0 gives a dangling handle");
            assertEquals(1024, arena.reservedBytes());
            assertTrue(arena.toString().contains("1 chunks, 1024 bytes reserved"), arena.toString());
        }
    }

    @Test
    void arenaStoreGivesABigAllocationAChunkOfItsOwnAndRespectsItsLimit() {
        try (ArenaStore arena = new ArenaStore(1024, 8192)) {
            long small = arena.allocate(16, 8);
            long big = arena.allocate(1024, 8); // more than a quarter of the next chunk (2048)
            assertEquals(2048, arena.reservedBytes());
            long small2 = arena.allocate(16, 8); // still served by the first chunk
            assertEquals(arena.resolve(small, 16).address() + 16, arena.resolve(small2, 16).address());
            assertThrows(StoreExhaustedException.class, () -> arena.allocate(8192, 8));
            assertEquals(2048, arena.reservedBytes(), "a failed allocation reserves nothing");
            arena.resolve(big, 1024).set(JAVA_LONG, 1016, 3);
            assertEquals(3, arena.resolve(big, 1024).get(JAVA_LONG, 1016));
        }
    }

    @Test
    void arenaStoreAlignsEveryAllocation() {
        try (ArenaStore arena = new ArenaStore(4096, 1 << 20)) {
            arena.allocate(3, 1);
            for (long alignment = 1; alignment <= 1024; alignment *= 2) {
                long h = arena.allocate(8, alignment);
                assertEquals(0, arena.resolve(h, 8).address() % alignment, "aligned to " + alignment);
            }
        }
    }

    @Test
    void slabStoreCountsLiveSlotsAndRefusesWhatDoesNotFit() {
        try (SlabStore slab = new SlabStore(24, 8, 3)) {
            assertEquals(24, slab.slotSize());
            assertEquals(8, slab.slotAlignment());
            long a = slab.allocate(24, 8);
            long b = slab.allocateZeroed(16, 4);
            assertEquals(0, slab.resolve(b, 16).get(JAVA_LONG, 8));
            assertEquals(2, slab.liveCount());
            assertThrows(StoreExhaustedException.class, () -> slab.allocate(25, 8));
            assertThrows(IllegalArgumentException.class, () -> slab.allocate(8, 16));
            assertThrows(IllegalArgumentException.class, () -> slab.resolve(a, 25), "more than a slot");
            assertThrows(StoreExhaustedException.class, () -> slab.grow(a, 24, 32, 8));
            assertEquals(a, slab.grow(a, 16, 24, 8), "growing within the slot keeps the handle");
            slab.resolve(a, 24).set(JAVA_LONG, 16, 4);
            long grownZeroed = slab.growZeroed(a, 16, 24, 8);
            assertEquals(0, slab.resolve(grownZeroed, 24).get(JAVA_LONG, 16), "growZeroed cleared the new bytes");
            assertEquals(a, slab.shrink(a, 24, 8, 8));
            assertTrue(Checks.isDangling(slab.shrink(a, 8, 0, 8)), "shrinking to 0 frees the slot");
            assertEquals(1, slab.liveCount());
            assertThrows(StaleHandleException.class, () -> slab.resolve(a, 8));
            long c = slab.allocate(8, 8);
            long d = slab.allocate(8, 8);
            assertThrows(StoreExhaustedException.class, () -> slab.allocate(8, 8), "3 slots at most");
            assertTrue(slab.toString().contains("3 live of 3 carved"), slab.toString());
            slab.deallocate(c, 8, 8);
            slab.deallocate(d, 8, 8);
            slab.deallocate(b, 16, 4);
            assertEquals(0, slab.liveCount());
        }
    }

    @Test
    void growableStoreHandlesSurviveMovesAndStaleOnesAreRefused() {
        try (GrowableStore store = new GrowableStore(64, 1 << 20)) {
            long a = store.allocate(32, 8);
            store.resolve(a, 32).set(JAVA_LONG, 0, 11);
            long b = store.allocate(32, 8);
            long moves = store.moves();
            long c = store.allocate(256, 8); // the buffer moves
            assertTrue(store.moves() > moves);
            assertTrue(store.capacity() >= 320, "capacity " + store.capacity());
            assertEquals(11, store.resolve(a, 32).get(JAVA_LONG, 0));
            long grown = store.grow(a, 32, 48, 8); // not topmost: moved, a new handle
            assertNotEquals(a, grown);
            assertThrows(StaleHandleException.class, () -> store.resolve(a, 32));
            assertEquals(11, store.resolve(grown, 48).get(JAVA_LONG, 0));
            long topGrown = store.growZeroed(grown, 48, 64, 8); // topmost now: in place, a new handle
            assertNotEquals(grown, topGrown);
            assertEquals(0, store.resolve(topGrown, 64).get(JAVA_LONG, 56));
            assertThrows(IllegalArgumentException.class, () -> store.resolve(topGrown, 65), "more than allocated");
            assertThrows(IllegalArgumentException.class, () -> store.deallocate(topGrown, 32, 8), "wrong size");
            long shrunk = store.shrink(topGrown, 64, 16, 8);
            assertThrows(StaleHandleException.class, () -> store.resolve(topGrown, 8));
            assertEquals(11, store.resolve(shrunk, 16).get(JAVA_LONG, 0));
            store.compact();
            assertEquals(11, store.resolve(shrunk, 16).get(JAVA_LONG, 0), "handles survive compaction");
            store.deallocate(b, 32, 8);
            store.deallocate(c, 256, 8);
            assertTrue(Checks.isDangling(store.shrink(shrunk, 16, 0, 8)));
            assertTrue(store.toString().contains("GrowableStore["), store.toString());
        }
    }

    @Test
    void inlineStoreChecksSizesAndTellsWhyAHandleIsStale() {
        try (InlineStore store = new InlineStore(16)) {
            long h = store.allocate(8, 8);
            assertTrue(store.isOccupied());
            assertThrows(IllegalArgumentException.class, () -> store.resolve(h, 9), "more than allocated");
            assertThrows(IllegalArgumentException.class, () -> store.deallocate(h, 16, 8), "wrong size");
            assertThrows(IllegalArgumentException.class, () -> store.allocate(8, 16), "heap alignment");
            assertThrows(StoreExhaustedException.class, () -> store.allocate(17, 8));
            long grown = store.growZeroed(h, 8, 16, 8);
            assertEquals(0, store.resolve(grown, 16).get(JAVA_LONG, 8));
            StaleHandleException stale = assertThrows(StaleHandleException.class, () -> store.resolve(h, 8));
            assertTrue(stale.getMessage().contains("allocated, grown or shrunk since"), stale.getMessage());
            long shrunk = store.shrink(grown, 16, 8, 8);
            store.deallocate(shrunk, 8, 8);
            assertTrue(!store.isOccupied());
            StaleHandleException freed = assertThrows(StaleHandleException.class, () -> store.resolve(shrunk, 8));
            assertTrue(freed.getMessage().contains("it was freed"), freed.getMessage());
            StaleHandleException foreign = assertThrows(StaleHandleException.class, () -> store.resolve(12345, 8));
            assertTrue(foreign.getMessage().contains("never issued it"), foreign.getMessage());
            assertTrue(store.toString().contains("16 bytes, empty"), store.toString());
        }
    }

    @Test
    void smallStoreKeepsTheFirstFittingAllocationInlineAndMovesItOutWhenItGrows() {
        try (SmallStore store = new SmallStore(16, new ArenaStore(256, 1 << 20))) {
            long inline = store.allocate(16, 8);
            assertTrue(inline < 0, "inline handles have bit 63 set");
            assertTrue(!store.resolve(inline, 16).isNative(), "inline: on the heap");
            long second = store.allocate(16, 8); // the room is taken: the fallback
            assertTrue(second >= 0 && store.resolve(second, 16).isNative());
            assertThrows(IllegalArgumentException.class, () -> store.resolve(inline, 17));
            store.resolve(inline, 16).set(JAVA_LONG, 8, 6);
            long grownInline = store.growZeroed(inline, 16, 16, 8);
            assertTrue(grownInline < 0);
            assertThrows(StaleHandleException.class, () -> store.resolve(inline, 16));
            long moved = store.grow(grownInline, 16, 64, 8); // too big for the room: moved to the fallback
            assertTrue(moved >= 0);
            assertEquals(6, store.resolve(moved, 64).get(JAVA_LONG, 8));
            long zeroedInline = store.allocateZeroed(8, 8); // the room is free again
            assertTrue(zeroedInline < 0);
            assertEquals(0, store.resolve(zeroedInline, 8).get(JAVA_LONG, 0));
            long shrunk = store.shrink(zeroedInline, 8, 4, 8);
            assertTrue(shrunk < 0);
            store.deallocate(shrunk, 4, 8);
            assertThrows(StaleHandleException.class, () -> store.resolve(shrunk, 4));
            assertTrue(store.toString().startsWith("SmallStore[inline "), store.toString());
            store.deallocate(moved, 64, 8);
            store.deallocate(second, 16, 8);
            assertTrue(store.fallback() instanceof ArenaStore);
        }
    }

    @Test
    void globalStoreAllocatesAlignedGrowsAndShrinks() {
        try (GlobalStore store = new GlobalStore()) {
            long big = store.allocateZeroed(256, 64); // beyond malloc's alignment: aligned_alloc
            MemorySegment p = store.resolve(big, 256);
            assertEquals(0, p.address() % 64);
            assertEquals(0, p.get(JAVA_LONG, 248));
            p.set(JAVA_LONG, 0, 21);
            long grown = store.growZeroed(big, 256, 512, 64);
            assertEquals(21, store.resolve(grown, 512).get(JAVA_LONG, 0));
            assertEquals(0, store.resolve(grown, 512).get(JAVA_LONG, 504));
            assertEquals(0, store.resolve(grown, 8).address() % 64);
            long shrunk = store.shrink(grown, 512, 128, 64);
            assertEquals(21, store.resolve(shrunk, 128).get(JAVA_LONG, 0));
            assertEquals(shrunk, store.grow(shrunk, 128, 128, 64), "growing to the same size keeps the handle");
            assertTrue(store.shrink(shrunk, 128, 0, 64) == 64, "shrinking to nothing frees and dangles");
            long small = store.allocate(24, 8);
            long smaller = store.shrink(small, 24, 8, 8);
            store.deallocate(smaller, 8, 8);
            assertEquals(16, store.dangling(16));
            assertThrows(StaleHandleException.class, () -> store.resolve(16, 8), "a dangling handle has no memory");
            assertThrows(IllegalArgumentException.class, () -> store.deallocate(16, 8, 8));
            assertTrue(store.toString().contains("open"));
        }
    }

    @Test
    void arenaHandlesOutsideTheChunksAreRefusedAndInsideThemBoundsChecked() {
        try (ArenaStore arena = new ArenaStore(256, 1 << 20)) {
            long first = arena.allocate(8, 8); // epoch 0, chunk 0, offset 0: the handle is the salt
            long salt = first;
            arena.resolve(first, 8).set(JAVA_LONG, 0, 1);
            long chunk1 = (1L << ArenaStore.OFFSET_BITS) ^ salt;
            long pastTheEnd = 256 ^ salt;
            long lastBytes = 248 ^ salt;
            long tagged = (1L << 63) ^ salt;
            assertThrows(StaleHandleException.class, () -> arena.resolve(chunk1, 8), "no chunk 1");
            assertThrows(StaleHandleException.class, () -> arena.resolve(pastTheEnd, 8), "beyond the chunk");
            assertThrows(StaleHandleException.class, () -> arena.resolve(lastBytes, 9), "one byte beyond");
            assertEquals(8, arena.resolve(lastBytes, 8).byteSize(), "inside the chunk: this store's memory");
            assertThrows(IllegalArgumentException.class, () -> arena.resolve(first, -1));
            assertThrows(StaleHandleException.class, () -> arena.resolve(tagged, 8));
            assertThrows(StaleHandleException.class, () -> arena.deallocate(chunk1, 8, 8));
            assertThrows(StaleHandleException.class, () -> arena.deallocate(pastTheEnd, 8, 8));
            assertThrows(StaleHandleException.class, () -> arena.grow(lastBytes, 16, 32, 8));
            assertThrows(StaleHandleException.class, () -> arena.shrink(tagged, 8, 4, 8));
            // inside the chunk, where no allocation starts: refused by the arena's record, changes nothing
            assertThrows(StaleHandleException.class, () -> arena.deallocate(lastBytes, 8, 8));
            long next = arena.allocate(8, 8);
            assertEquals(arena.resolve(first, 8).address() + 8, arena.resolve(next, 8).address());
            assertEquals(1, arena.resolve(first, 8).get(JAVA_LONG, 0));
        }
    }

    @Test
    void arenaFreedNewestFirstReusesTheMemoryAndRefusesTheFreedHandles() {
        try (ArenaStore arena = new ArenaStore(1024, 1 << 20)) {
            long a = arena.allocate(16, 8);
            long b = arena.allocate(16, 8);
            long c = arena.allocate(16, 8);
            long aAddress = arena.resolve(a, 16).address();
            arena.deallocate(b, 16, 8); // not at the bump pointer: only marked freed
            arena.deallocate(c, 16, 8); // at the bump pointer: rewinds past b as well
            long d = arena.allocate(16, 8);
            assertEquals(aAddress + 16, arena.resolve(d, 16).address(), "b's memory is reused");
            assertNotEquals(b, d, "in a new epoch");
            assertThrows(StaleHandleException.class, () -> arena.deallocate(b, 16, 8));
            assertThrows(StaleHandleException.class, () -> arena.deallocate(c, 16, 8));
            arena.deallocate(d, 16, 8);
            arena.deallocate(a, 16, 8); // everything freed newest first: back to the chunk's start
            assertEquals(aAddress, arena.resolve(arena.allocate(8, 8), 8).address());
        }
    }

    @Test
    void arenaNeverRewindsBelowWhereTheEpochsLastWrapped() {
        try (ArenaStore arena = new ArenaStore(1024, 1 << 20)) {
            long a = arena.allocate(16, 8);
            long aAddress = arena.resolve(a, 16).address();
            for (int i = 0; i <= ArenaStore.EPOCH_MASK; i++) { // the epochs wrap once
                arena.deallocate(arena.allocate(16, 8), 16, 8);
            }
            arena.deallocate(a, 16, 8); // below the floor now: marked freed, nothing rewinds
            long e = arena.allocate(16, 8);
            assertEquals(aAddress + 32, arena.resolve(e, 16).address(), "past every offset used before the wrap");
            long f = arena.allocate(16, 8);
            arena.deallocate(e, 16, 8); // e starts exactly at the floor: a rewind may reach it
            arena.deallocate(f, 16, 8);
            assertEquals(aAddress + 32, arena.resolve(arena.allocate(16, 8), 16).address(), "back to the floor");
        }
    }

    @Test
    void arenaRefusesAFreeInAChunkWhoseAllocationsAreAllGone() {
        try (ArenaStore arena = new ArenaStore(1024, 1 << 20)) {
            long a = arena.allocate(16, 8);
            arena.deallocate(a, 16, 8); // rewinds: the chunk's log is empty
            assertThrows(StaleHandleException.class, () -> arena.deallocate(a, 16, 8));
            assertThrows(StaleHandleException.class, () -> arena.grow(a, 16, 32, 8));
        }
    }

    @Test
    void checkedStoreHandlesCarryItsIdAndRetireSlotsAtTheTopGeneration() {
        try (CheckedStore store = CheckedStore.retiringSlotsAt(new ArenaStore(), 2)) {
            long first = store.allocate(8, 8);
            long id = first >>> CheckedStore.ID_SHIFT;
            assertTrue(id > 0 && id <= CheckedStore.MAX_ID, "id " + id);
            assertEquals(1, (first >>> CheckedStore.GENERATION_SHIFT) & CheckedStore.GENERATION_MASK);
            store.deallocate(first, 8, 8);
            long second = store.allocate(8, 8);
            assertEquals(0, second & CheckedStore.SLOT_MASK, "slot 0 again");
            assertEquals(2, (second >>> CheckedStore.GENERATION_SHIFT) & CheckedStore.GENERATION_MASK);
            store.deallocate(second, 8, 8); // generation 2: slot 0 retires
            long third = store.allocate(8, 8);
            assertEquals(1, third & CheckedStore.SLOT_MASK, "a new slot");
            store.deallocate(third, 8, 8);
        }
    }

    @Test
    void globalStoreReportsEveryWayTheCHeapCanSayNoAndKeepsTheOldBlock() {
        try (GlobalStore store = new GlobalStore()) {
            assertThrows(StoreExhaustedException.class, () -> store.allocateZeroed(Long.MAX_VALUE / 2, 8), "calloc");
            assertThrows(StoreExhaustedException.class, () -> store.allocate(Long.MAX_VALUE / 2, 64), "aligned_alloc");
            assertThrows(StoreExhaustedException.class, () -> store.allocate(Long.MAX_VALUE - 8, 64),
                    "rounding the size up to the alignment overflows");
            long h = store.allocate(16, 8);
            store.resolve(h, 16).set(JAVA_LONG, 8, 42);
            assertThrows(StoreExhaustedException.class, () -> store.grow(h, 16, Long.MAX_VALUE / 2, 8), "realloc");
            assertEquals(42, store.resolve(h, 16).get(JAVA_LONG, 8), "a failed realloc leaves the block");
            long aligned = store.allocate(64, 64);
            store.resolve(aligned, 64).set(JAVA_LONG, 0, 7);
            assertThrows(StoreExhaustedException.class, () -> store.grow(aligned, 64, Long.MAX_VALUE / 2, 64));
            assertEquals(7, store.resolve(aligned, 64).get(JAVA_LONG, 0));
            assertEquals(aligned, store.shrink(aligned, 64, 32, 64), "an aligned block keeps its place when shrunk");
            store.deallocate(aligned, 32, 64);
            long fromNothing = store.grow(store.dangling(8), 0, 24, 8);
            store.resolve(fromNothing, 24).set(JAVA_LONG, 16, 3);
            store.deallocate(fromNothing, 24, 8);
            store.deallocate(h, 16, 8);
            store.deallocate(h, 0, 8); // zero bytes: nothing to free, whatever the handle
            assertEquals(0, store.resolve(store.dangling(8), 0).byteSize());
        }
        GlobalStore closed = new GlobalStore();
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.resolve(1 << 20, 8));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertTrue(closed.toString().contains("closed"));
    }

    @Test
    void arenaStoreAtItsEdges() {
        new ArenaStore(ArenaStore.MAX_CHUNK_SIZE, ArenaStore.MAX_CHUNK_SIZE).close(); // the largest first chunk
        try (ArenaStore arena = new ArenaStore(256, 1 << 20)) {
            long a = arena.allocate(200, 8);
            long b = arena.allocate(56, 8); // exactly the rest of the first chunk
            assertEquals(256, arena.reservedBytes());
            assertEquals(arena.resolve(a, 200).address() + 200, arena.resolve(b, 56).address());
            long grown = arena.grow(b, 56, 56, 8);
            assertEquals(b, grown, "the last allocation, up to exactly the end of its chunk: in place");
        }
        try (ArenaStore arena = new ArenaStore(1024, 1 << 20)) {
            long h = arena.allocate(64, 8);
            long inPlace = arena.grow(h, 64, 1024, 8); // exactly the chunk: in place
            assertEquals(h, inPlace);
            assertEquals(1024, arena.reservedBytes());
            long small = arena.allocate(8, 8); // the chunk is full: a new current chunk (2048)
            long quarter = arena.allocate(512, 8); // a quarter of the next chunk (4096)? 512 is not more: shared
            assertEquals(arena.resolve(small, 8).address() + 8, arena.resolve(quarter, 512).address());
        }
        try (ArenaStore arena = new ArenaStore(1024, 1024 + 1500 + 548)) {
            arena.allocate(1000, 8);            // chunk 1: 1,024, 24 bytes left
            arena.allocate(1500, 8);            // more than 2048 / 4: a chunk of its own
            arena.allocate(548, 8);             // its own chunk, exactly up to the limit
            assertEquals(1024 + 1500 + 548, arena.reservedBytes());
            assertThrows(StoreExhaustedException.class, () -> arena.allocate(1024, 8));
        }
        try (ArenaStore arena = new ArenaStore(256, 1 << 20)) {
            long h = arena.allocate(64, 8);
            arena.resolve(h, 64).fill((byte) -1);
            long shrunk = arena.shrink(h, 64, 16, 8);  // the last: the bump pointer goes back to 16
            long grown = arena.growZeroed(shrunk, 16, 64, 8); // in place, over the dirty bytes
            assertEquals(-1L, arena.resolve(grown, 64).get(JAVA_LONG, 8));
            assertEquals(0, arena.resolve(grown, 64).get(JAVA_LONG, 16));
            assertEquals(0, arena.resolve(grown, 64).get(JAVA_LONG, 56));
        }
        ArenaStore closed = new ArenaStore();
        long h = closed.allocate(8, 8);
        closed.close();
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
                () -> closed.allocate(8, 8), () -> closed.deallocate(h, 8, 8), () -> closed.grow(h, 8, 16, 8),
                () -> closed.shrink(h, 8, 4, 8), () -> closed.resolve(h, 8)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        }
    }

    @Test
    void membersOfOneSetShareHandlesAndNoOtherStoreDoes() {
        try (SharedArenaStore first = new SharedArenaStore(); SharedArenaStore other = new SharedArenaStore()) {
            SharingStore second = first.share();
            assertTrue(first.sharesWith(second) && second.sharesWith(first));
            assertTrue(!first.sharesWith(other) && !other.sharesWith(second));
            assertTrue(!first.sharesWith(new CheckedStore(new SharedArenaStore())));
            long h = first.allocate(8, 8);
            second.resolve(h, 8).set(JAVA_LONG, 0, 4);
            assertEquals(4, first.resolve(h, 8).get(JAVA_LONG, 0));
            second.close();
        }
    }

    @Test
    void aSlabSaysRetiredOnlyWhenASlotRetiredAndShrinksADanglingHandleToItself() {
        try (SlabStore slab = new SlabStore(16, 8)) {
            slab.deallocate(slab.allocate(16, 8), 16, 8);
            assertTrue(!slab.toString().contains("retired"), slab.toString());
            long d = slab.dangling(8);
            assertEquals(d, slab.shrink(d, 0, 0, 8));
        }
    }

    @Test
    void inlineStoreRefusesStaleHandlesInGrowAndShrinkAndChecksEverySize() {
        try (InlineStore store = new InlineStore(16)) {
            long old = store.allocate(8, 8);
            long current = store.allocateZeroed(8, 8);
            assertEquals(0, store.resolve(current, 8).get(JAVA_LONG, 0));
            assertThrows(StaleHandleException.class, () -> store.grow(old, 8, 16, 8));
            assertThrows(StaleHandleException.class, () -> store.shrink(old, 8, 4, 8));
            assertThrows(StoreExhaustedException.class, () -> store.grow(current, 8, 17, 8));
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> store.resolve(current, -1));
            assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
            assertTrue(Checks.isDangling(store.allocate(0, 8)));
            assertTrue(Checks.isDangling(store.shrink(current, 8, 0, 8)));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new InlineStore(java.lang.foreign.MemoryLayout.sequenceLayout(2, JAVA_LONG).withByteAlignment(16)));
        assertEquals(16, new InlineStore(java.lang.foreign.MemoryLayout.sequenceLayout(2, JAVA_LONG)).capacity());
        assertThrows(IllegalArgumentException.class, () -> new InlineStore((long) Integer.MAX_VALUE * 8 - 7));
        assertThrows(IllegalArgumentException.class, () -> new InlineStore(-1));
        try (InlineStore empty = new InlineStore(0)) {
            assertThrows(StoreExhaustedException.class, () -> empty.allocate(1, 1));
        }
        try (InlineStore seven = new InlineStore(7)) {
            long h = seven.allocate(7, 1);
            assertEquals(7, seven.resolve(h, 7).byteSize(), "7 bytes round up to one long");
        }
        InlineStore closed = new InlineStore(16);
        long h = closed.allocate(8, 8);
        closed.close();
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
                () -> closed.deallocate(h, 8, 8), () -> closed.resolve(h, 8), () -> closed.grow(h, 8, 16, 8),
                () -> closed.shrink(h, 8, 4, 8)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        }
    }

    @Test
    void sharedChecksAcceptTheLargestAlignmentAndNameBadOldSizes() {
        try (ArenaStore arena = new ArenaStore()) {
            assertTrue(Checks.isDangling(arena.dangling(1L << 40)), "2^40 is the largest alignment, accepted");
            long h = arena.allocate(8, 8);
            IllegalArgumentException grow = assertThrows(IllegalArgumentException.class, () -> arena.grow(h, -1, 8, 8));
            assertTrue(grow.getMessage().contains("must not be negative"), grow.getMessage());
            IllegalArgumentException shrink = assertThrows(IllegalArgumentException.class, () -> arena.shrink(h, -1, 0, 8));
            assertTrue(shrink.getMessage().contains("must not be negative"), shrink.getMessage());
            StaleHandleException stale = assertThrows(StaleHandleException.class,
                    () -> arena.resolve((1L << 62) - 1, 8));
            assertTrue(stale.getMessage().contains("0x3fffffffffffffff"), stale.getMessage());
        }
        try (GlobalStore global = new GlobalStore()) {
            assertEquals(8, global.allocate(0, 8), "zero bytes: the dangling handle, the alignment itself");
            assertEquals(64, global.allocateZeroed(0, 64));
            assertEquals(0, global.resolve(8, 0).byteSize());
            long h = global.allocate(16, 8);
            assertEquals(h, global.shrink(h, 0, 0, 8), "shrinking zero bytes returns the handle");
            global.deallocate(h, 16, 8);
        }
    }

    @Test
    void checkedStoreFreesInTheStoreItWrapsAndSaysWhereItWasClosed() {
        SlabStore slab = new SlabStore(16, 8);
        CheckedStore store = new CheckedStore(slab);
        long h = store.allocate(16, 8);
        assertEquals(1, slab.liveCount());
        long grown = store.growZeroed(h, 8 + 8, 16, 8);
        store.deallocate(grown, 16, 8);
        assertEquals(0, slab.liveCount(), "freed in the wrapped store");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> store.resolve(grown, -1));
        assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
        long d = store.dangling(8);
        assertThrows(StaleHandleException.class, () -> store.deallocate(d, 8, 8), "a dangling handle has no bytes");
        assertThrows(StaleHandleException.class, () -> store.grow(d, 8, 16, 8));
        store.deallocate(d, 0, 8);
        assertTrue(!store.isClosed());
        assertTrue(store.toString().matches("CheckedStore#\\d+\\(SlabStore\\)"), store.toString());
        store.close();
        assertTrue(store.isClosed());
        assertTrue(store.toString().endsWith("(SlabStore, closed)"), store.toString());
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
                () -> store.allocate(8, 8), () -> store.deallocate(h, 16, 8), () -> store.grow(h, 16, 32, 8),
                () -> store.growZeroed(h, 16, 32, 8), () -> store.shrink(h, 16, 8, 8), () -> store.compact()}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("closed at"), e.getMessage());
        }
        try (CheckedStore shared = new CheckedStore(new SharedArenaStore())) {
            SharingStore member = shared.share();
            assertTrue(member.toString().contains(".1(SharedArenaStore)"), member.toString());
            assertTrue(shared.sharesWith(member) && !shared.sharesWith(store));
            member.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, member::share);
            assertTrue(e.getMessage().contains("closed at"), e.getMessage());
        }
    }

    @Test
    void arenaStoreShrinkingTheLastToNothingGivesItsMemoryBackAndGrowingPastTheChunkMovesIt() {
        try (ArenaStore arena = new ArenaStore(256, 1 << 20)) {
            long a = arena.allocate(8, 8);
            long b = arena.allocate(64, 8);
            long bAddress = arena.resolve(b, 64).address();
            assertTrue(Checks.isDangling(arena.shrink(b, 64, 0, 8)));
            long c = arena.allocate(64, 8);
            assertEquals(bAddress, arena.resolve(c, 64).address(), "b's memory was given back");
            long grown = arena.grow(c, 64, 300, 8); // past the end of the 256-byte chunk: moved
            assertEquals(300, arena.resolve(grown, 300).byteSize());
            assertTrue(arena.resolve(grown, 300).address() != bAddress);
            arena.resolve(a, 8).set(JAVA_LONG, 0, 1);
        }
    }
}
