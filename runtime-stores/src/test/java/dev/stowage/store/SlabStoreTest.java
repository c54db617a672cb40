package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Many small same-size allocations: slots are reused, never shared, and found again from their address. */
class SlabStoreTest {

    @ParameterizedTest(name = "{0}-byte slots aligned {1}")
    @CsvSource({"8, 8", "24, 8", "32, 16", "48, 16", "100, 4", "4096, 64"})
    void slotsAreReusedButNeverHandedOutTwice(long slotSize, long alignment) {
        Random random = new Random(slotSize);
        try (SlabStore slab = new SlabStore(slotSize, alignment)) {
            List<long[]> live = new ArrayList<>(); // {handle, value}
            Set<Long> liveHandles = new HashSet<>();
            long next = 1;
            for (int round = 0; round < 20_000; round++) {
                if (live.isEmpty() || random.nextInt(3) != 0) {
                    long h = slab.allocate(slotSize, alignment);
                    assertEquals(0, slab.resolve(h, slotSize).address() % alignment, "slot address aligned");
                    assertEquals(true, liveHandles.add(h), "slot handed out twice");
                    slab.resolve(h, slotSize).set(JAVA_LONG_UNALIGNED, 0, next);
                    slab.resolve(h, slotSize).set(JAVA_LONG_UNALIGNED, slotSize - 8, next);
                    live.add(new long[] {h, next++});
                } else {
                    long[] victim = live.remove(random.nextInt(live.size()));
                    assertEquals(victim[1], slab.resolve(victim[0], slotSize).get(JAVA_LONG_UNALIGNED, 0));
                    assertEquals(victim[1], slab.resolve(victim[0], slotSize).get(JAVA_LONG_UNALIGNED, slotSize - 8));
                    slab.deallocate(victim[0], slotSize, alignment);
                    liveHandles.remove(victim[0]);
                }
            }
            assertEquals(live.size(), slab.liveCount());
            for (long[] allocation : live) {
                assertEquals(allocation[1], slab.resolve(allocation[0], 8).get(JAVA_LONG_UNALIGNED, 0));
                slab.deallocate(allocation[0], slotSize, alignment);
            }
            assertEquals(0, slab.liveCount());
        }
    }

    @ParameterizedTest(name = "{0}-byte slots")
    @CsvSource({"24", "32"})
    void anAddressInsideASlotOrAFreedSlotIsNotAHandle(long slotSize) {
        try (SlabStore slab = new SlabStore(slotSize, 8)) {
            long a = slab.allocate(slotSize, 8);
            long b = slab.allocate(slotSize, 8);
            assertNotEquals(a, b);
            assertThrows(StaleHandleException.class, () -> slab.deallocate(a + 8, slotSize, 8));
            slab.deallocate(a, slotSize, 8);
            assertThrows(StaleHandleException.class, () -> slab.deallocate(a, slotSize, 8));
            assertThrows(StaleHandleException.class, () -> slab.shrink(a, slotSize, 8, 8));
            try (SlabStore other = new SlabStore(slotSize, 8)) {
                long foreign = other.allocate(slotSize, 8);
                assertThrows(StaleHandleException.class, () -> slab.deallocate(foreign, slotSize, 8));
            }
            assertEquals(b, slab.grow(b, 8, slotSize, 8), "growing within the slot keeps the slot");
            slab.deallocate(b, slotSize, 8);
        }
    }
}
