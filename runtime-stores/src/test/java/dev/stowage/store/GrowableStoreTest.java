package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Handles are offsets and survive every move of the buffer; pointers into an old buffer throw. */
class GrowableStoreTest {

    @Test
    void handlesSurviveGrowthAndCompactionButOldPointersThrow() {
        try (GrowableStore store = new GrowableStore(64, Long.MAX_VALUE)) {
            long h = store.allocate(8, 8);
            MemorySegment before = store.resolve(h, 8);
            before.set(JAVA_LONG, 0, 123);
            long big = store.allocate(1000, 8); // the 64-byte buffer cannot hold it: it doubles, by copying
            assertTrue(store.moves() >= 2, store.toString());
            assertThrows(IllegalStateException.class, () -> before.get(JAVA_LONG, 0));
            assertEquals(123, store.resolve(h, 8).get(JAVA_LONG, 0));

            store.deallocate(big, 1000, 8);
            long capacity = store.capacity();
            MemorySegment p = store.resolve(h, 8);
            store.compact();
            assertTrue(store.capacity() < capacity, "compaction gives spare capacity back: " + store);
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
            assertEquals(123, store.resolve(h, 8).get(JAVA_LONG, 0));
        }
    }

    @Test
    void freedBlocksAreReusedBeforeTheBufferGrows() {
        try (GrowableStore store = new GrowableStore(256, Long.MAX_VALUE)) {
            long a = store.allocate(64, 8);
            long b = store.allocate(64, 8);
            store.allocate(128, 8); // the buffer is full
            long addressOfA = store.resolve(a, 64).address();
            store.deallocate(a, 64, 8);
            store.deallocate(b, 64, 8); // coalesced with a's block
            long moves = store.moves();
            long reused = store.allocate(128, 8);
            assertEquals(addressOfA, store.resolve(reused, 128).address(),
                    "the coalesced block is reused first-fit");
            assertEquals(moves, store.moves(), "no growth was needed");
        }
    }

    @Test
    void aStricterAlignmentMovesTheBufferToAMoreAlignedOne() {
        try (GrowableStore store = new GrowableStore()) {
            long small = store.allocate(8, 8);
            store.resolve(small, 8).set(JAVA_LONG, 0, 5);
            long aligned = store.allocate(64, 4096);
            assertEquals(0, store.resolve(aligned, 64).address() % 4096);
            assertEquals(5, store.resolve(small, 8).get(JAVA_LONG, 0));
        }
    }
}
