package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.qual.Multiple;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** SmallStore's dispatch between its inline room and its fallback, at the edges (mutation testing). */
class SmallStoreBoundaryTest {

    /** A fallback that misbehaves: its handles have bit 63 set, which SmallStore keeps for itself. */
    @Multiple
    static final class NegativeHandles implements Store {
        final ArenaStore arena = new ArenaStore();
        int freed;
        boolean closed;

        @Override public long dangling(long a) { return arena.dangling(a); }
        @Override public long allocate(long s, long a) { return arena.allocate(s, a) | Long.MIN_VALUE; }
        @Override public long allocateZeroed(long s, long a) { return arena.allocateZeroed(s, a) | Long.MIN_VALUE; }
        @Override public void deallocate(long h, long s, long a) { freed++; }
        @Override public MemorySegment resolve(long h, long s) { return arena.resolve(h & Long.MAX_VALUE, s); }
        @Override public long grow(long h, long o, long n, long a) { return arena.grow(h & Long.MAX_VALUE, o, n, a) | Long.MIN_VALUE; }
        @Override public long growZeroed(long h, long o, long n, long a) { return grow(h, o, n, a); }
        @Override public long shrink(long h, long o, long n, long a) { return h; }
        @Override public void close() { closed = true; arena.close(); }
    }

    @Test
    void aFallbackHandleWithBit63IsRefusedAndFreedAgain() {
        NegativeHandles fallback = new NegativeHandles();
        try (SmallStore store = new SmallStore(8, fallback)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.allocate(64, 8));
            assertTrue(e.getMessage().contains("bit 63"), e.getMessage());
            assertEquals(1, fallback.freed, "the refused allocation was given back");
            assertThrows(IllegalStateException.class, () -> store.allocateZeroed(64, 8));
            assertEquals(2, fallback.freed);
        }
        assertTrue(fallback.closed, "closing the small store closes its fallback");
    }

    @Test
    void theRoomTakesExactlyItsCapacityAtUpTo8ByteAlignment() {
        try (SmallStore store = new SmallStore(16, new ArenaStore())) {
            long exact = store.allocate(16, 8);
            assertTrue(exact < 0, "16 bytes fit a 16-byte room");
            store.deallocate(exact, 16, 8);
            long aligned16 = store.allocate(8, 16);
            assertTrue(aligned16 >= 0, "16-byte alignment: the fallback");
            long tooBig = store.allocate(17, 8);
            assertTrue(tooBig >= 0, "17 bytes: the fallback");
            long zero = store.allocate(0, 8);
            assertTrue(Checks.isDangling(zero), "zero bytes: dangling, not the room");
            long inline = store.allocate(1, 1);
            assertTrue(inline < 0, "the room is still free for a real allocation");
            store.deallocate(zero, 0, 8);
            assertEquals(0, store.resolve(zero, 0).byteSize());
            assertTrue(Checks.isDangling(store.shrink(zero, 0, 0, 8)));
            assertThrows(StaleHandleException.class, () -> store.resolve(zero, 8), "a dangling handle has no bytes");
        }
    }

    @Test
    void growZeroedOutOfTheRoomMovesToTheFallbackWithTheNewBytesZeroed() {
        try (SmallStore store = new SmallStore(16, new ArenaStore())) {
            long h = store.allocate(16, 8);
            store.resolve(h, 16).set(JAVA_LONG, 8, 77);
            long moved = store.growZeroed(h, 16, 64, 8);
            assertTrue(moved >= 0, "moved out of the room");
            assertEquals(77, store.resolve(moved, 64).get(JAVA_LONG, 8));
            assertEquals(0, store.resolve(moved, 64).get(JAVA_LONG, 56));
            assertThrows(StaleHandleException.class, () -> store.resolve(h, 16), "the room is free");
            long inRoom = store.allocate(8, 8);
            assertTrue(inRoom < 0);
            long grownFromNothing = store.growZeroed(store.dangling(8), 0, 8, 8);
            assertTrue(grownFromNothing >= 0, "growing a dangling handle allocates; the room is taken");
            assertEquals(0, store.resolve(grownFromNothing, 8).get(JAVA_LONG, 0));
            long fallbackGrown = store.growZeroed(grownFromNothing, 8, 32, 8);
            assertEquals(0, store.resolve(fallbackGrown, 32).get(JAVA_LONG, 24));
            long fallbackShrunk = store.shrink(fallbackGrown, 32, 8, 8);
            store.deallocate(fallbackShrunk, 8, 8);
        }
    }

    @Test
    void aClosedSmallStoreRefusesEverything() {
        SmallStore store = new SmallStore(16, new ArenaStore());
        long inline = store.allocate(8, 8);
        long out = store.allocate(64, 8);
        store.close();
        assertThrows(IllegalStateException.class, () -> store.resolve(inline, 8));
        assertThrows(IllegalStateException.class, () -> store.resolve(out, 8));
        assertThrows(IllegalStateException.class, () -> store.allocate(8, 8));
        assertThrows(IllegalStateException.class, () -> store.allocateZeroed(64, 8));
        assertTrue(store.toString().contains("closed"), store.toString());
    }

    private static void assertZeros(MemorySegment p, long from, String what) {
        for (long offset = from; offset < p.byteSize(); offset += 8) {
            assertEquals(0, p.get(JAVA_LONG, offset), what + " at " + offset);
        }
    }

    @Test
    void everyZeroedPathClearsMemoryThatWasWrittenBefore() {
        try (SmallStore store = new SmallStore(16, new ArenaStore(1024, 1 << 20))) {
            long room = store.allocate(16, 8);
            store.resolve(room, 16).fill((byte) -1);
            long shrunk = store.shrink(room, 16, 8, 8);
            long grownInRoom = store.growZeroed(shrunk, 8, 16, 8); // the room's last 8 bytes are dirty
            assertEquals(-1L, store.resolve(grownInRoom, 16).get(JAVA_LONG, 0));
            assertZeros(store.resolve(grownInRoom, 16), 8, "grown in the room");

            long dirty = store.allocate(128, 8); // the fallback: written, then given back (the last: rewound)
            store.resolve(dirty, 128).fill((byte) -1);
            store.deallocate(dirty, 128, 8);
            long moved = store.growZeroed(grownInRoom, 16, 64, 8); // out of the room, onto the dirty bytes
            assertEquals(-1L, store.resolve(moved, 64).get(JAVA_LONG, 0));
            assertZeros(store.resolve(moved, 64), 16, "moved to the fallback");

            long scratch = store.allocate(64, 8);
            store.resolve(scratch, 64).fill((byte) -1);
            long scratchShrunk = store.shrink(scratch, 64, 16, 8); // the fallback's last: bump back to 16
            long fallbackGrown = store.growZeroed(scratchShrunk, 16, 64, 8); // in place, over dirty bytes
            assertZeros(store.resolve(fallbackGrown, 64), 16, "grown in the fallback");

            long last = store.allocate(64, 8);
            store.resolve(last, 64).fill((byte) -1);
            store.deallocate(last, 64, 8);
            long fromNothing = store.growZeroed(store.dangling(8), 0, 64, 8); // allocates, zeroed
            assertZeros(store.resolve(fromNothing, 64), 0, "grown from a dangling handle");
        }
    }

    @Test
    void aClosedSmallStoreNamesItselfAndItsDanglingHandlesAreDangling() {
        SmallStore store = new SmallStore(16, new ArenaStore());
        long d = store.dangling(8);
        assertTrue(Checks.isDangling(d));
        assertEquals(0, store.resolve(d, 0).address() % 8);
        long inline = store.allocate(8, 8);
        store.close();
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
                () -> store.allocate(8, 8), () -> store.allocateZeroed(8, 8), () -> store.resolve(inline, 8)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().startsWith("SmallStore[closed] is closed"), e.getMessage());
        }
    }
}
