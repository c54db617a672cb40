package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.qual.Multiple;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CheckedStore} adds: precise stale-handle errors, leak reports, sharing, heap memory. */
class CheckedStoreTest {

    @Test
    void aFreedHandleIsStaleAndTheMessageSaysWhereItWasFreed() {
        try (CheckedStore store = new CheckedStore(new ArenaStore())) {
            long h = store.allocate(8, 8);
            store.deallocate(h, 8, 8);
            StaleHandleException e = assertThrows(StaleHandleException.class, () -> store.resolve(h, 8));
            String message = e.getMessage();
            assertTrue(message.contains(Checks.hex(h)), message);
            assertTrue(message.contains(store.toString()), message);
            assertTrue(message.contains("freed by deallocate at CheckedStoreTest."), message);
            StaleHandleException twice = assertThrows(StaleHandleException.class, () -> store.deallocate(h, 8, 8));
            assertTrue(twice.getMessage().startsWith("deallocate:"), twice.getMessage());
        }
    }

    @Test
    void aGrownHandleIsStaleEvenWhenTheStoreGrewInPlace() {
        try (CheckedStore store = new CheckedStore(new ArenaStore())) {
            long h = store.allocate(8, 8); // the last allocation: ArenaStore grows it in place
            long grown = store.grow(h, 8, 16, 8);
            StaleHandleException e = assertThrows(StaleHandleException.class, () -> store.resolve(h, 8));
            assertTrue(e.getMessage().contains("grown by grow"), e.getMessage());
            store.resolve(grown, 16);
            store.deallocate(grown, 16, 8);
        }
    }

    @Test
    void aHandleFromAnotherStoreIsForeign() {
        try (CheckedStore a = new CheckedStore(new ArenaStore());
                CheckedStore b = new CheckedStore(new ArenaStore())) {
            long h = a.allocate(8, 8);
            StaleHandleException e = assertThrows(StaleHandleException.class, () -> b.resolve(h, 8));
            assertTrue(e.getMessage().contains("another checked store"), e.getMessage());
            StaleHandleException raw = assertThrows(StaleHandleException.class, () -> b.resolve(4096, 8));
            assertTrue(raw.getMessage().contains("not a checked handle"), raw.getMessage());
            a.deallocate(h, 8, 8);
        }
    }

    @Test
    void theLayoutPassedBackMustBeTheOneAllocated() {
        try (CheckedStore store = new CheckedStore(new GlobalStore())) {
            long h = store.allocate(16, 8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.deallocate(h, 8, 8));
            assertTrue(e.getMessage().contains("holds 16 bytes aligned to 8"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.grow(h, 16, 32, 16));
            assertThrows(IllegalArgumentException.class, () -> store.resolve(h, 17));
            store.deallocate(h, 16, 8); // still live: the bad calls changed nothing
        }
    }

    @Test
    void leaksAreReportedAtClose() {
        CheckedStore store = new CheckedStore(new ArenaStore());
        long kept = store.allocate(24, 8);
        store.deallocate(store.allocate(8, 8), 8, 8);
        store.close();
        List<CheckedStore.Allocation> leaks = store.outstanding();
        assertEquals(1, leaks.size());
        assertEquals(kept, leaks.get(0).handle());
        assertEquals(24, leaks.get(0).byteSize());
        assertTrue(leaks.get(0).allocatedAt().contains("leaksAreReportedAtClose"), leaks.get(0).allocatedAt());

        CheckedStore strict = CheckedStore.failingOnLeaks(new ArenaStore());
        strict.allocate(8, 8);
        CheckedStore.StoreLeakException e = assertThrows(CheckedStore.StoreLeakException.class, strict::close);
        assertEquals(1, e.leaks().size());
        assertTrue(strict.isClosed());
    }

    @Test
    void aFailedGrowChangesNothing() {
        try (CheckedStore store = new CheckedStore(new GrowableStore(64, 128))) {
            long h = store.allocate(64, 8);
            MemorySegment p = store.resolve(h, 64);
            p.set(JAVA_LONG, 0, 3);
            assertThrows(StoreExhaustedException.class, () -> store.grow(h, 64, 512, 8));
            assertEquals(3, p.get(JAVA_LONG, 0), "the pointer is as valid as before");
            assertEquals(3, store.resolve(h, 64).get(JAVA_LONG, 0), "and so is the handle");
            store.deallocate(h, 64, 8);
        }
    }

    @Test
    void compactKillsPointersButNotHandles() {
        try (CheckedStore store = new CheckedStore(new GrowableStore())) {
            long h = store.allocate(8, 8);
            MemorySegment p = store.resolve(h, 8);
            p.set(JAVA_LONG, 0, 11);
            store.compact();
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
            assertEquals(11, store.resolve(h, 8).get(JAVA_LONG, 0));
            store.deallocate(h, 8, 8);
        }
        try (CheckedStore pinned = new CheckedStore(new GlobalStore())) {
            long h = pinned.allocate(8, 8);
            MemorySegment p = pinned.resolve(h, 8);
            pinned.compact(); // @Pinned: nothing moves, the pointer lives
            p.set(JAVA_LONG, 0, 1);
            pinned.deallocate(h, 8, 8);
        }
    }

    @Test
    void closingOneSharedMemberKillsItsPointersOnly() {
        CheckedStore first = new CheckedStore(new SharedArenaStore());
        SharingStore second = first.share();
        long h = first.allocate(8, 8);
        MemorySegment viaFirst = first.resolve(h, 8);
        MemorySegment viaSecond = second.resolve(h, 8);
        viaFirst.set(JAVA_LONG, 0, 21);
        first.close();
        assertThrows(IllegalStateException.class, () -> viaFirst.get(JAVA_LONG, 0));
        assertThrows(StaleHandleException.class, () -> first.resolve(h, 8), "the closed member is dead");
        assertThrows(IllegalStateException.class, () -> first.allocate(8, 8));
        assertEquals(21, viaSecond.get(JAVA_LONG, 0), "the memory lives on in the other member");
        assertEquals(21, second.resolve(h, 8).get(JAVA_LONG, 0));
        second.deallocate(h, 8, 8);
        second.close();
        assertThrows(IllegalStateException.class, () -> viaSecond.get(JAVA_LONG, 0));
        assertEquals(List.of(), first.outstanding());
    }

    @Test
    void heapMemoryIsCoherentThroughItsNativeStandIn() {
        try (CheckedStore store = new CheckedStore(new SmallStore(32, new ArenaStore()))) {
            long inline = store.allocate(16, 8);
            MemorySegment p = store.resolve(inline, 16);
            MemorySegment q = store.resolve(inline, 16);
            p.set(JAVA_LONG, 0, 5);
            assertEquals(5, q.get(JAVA_LONG, 0), "two pointers to one allocation see each other's writes");
            long moved = store.grow(inline, 16, 64, 8); // past the inline room: copied to the fallback
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
            assertEquals(5, store.resolve(moved, 64).get(JAVA_LONG, 0));
            store.deallocate(moved, 64, 8);
        }
    }

    @Test
    void allocateOnAStoreThatIsNotMultipleKillsTheOtherHandle() {
        try (CheckedStore store = new CheckedStore(new InlineStore(64))) {
            long first = store.allocate(8, 8);
            MemorySegment p = store.resolve(first, 8);
            long second = store.allocate(8, 8);
            StaleHandleException e = assertThrows(StaleHandleException.class, () -> store.resolve(first, 8));
            assertTrue(e.getMessage().contains("is not @Multiple"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
            store.deallocate(second, 8, 8);
        }
    }

    /** What the corpus harness does: a buggy scenario run on a checked GrowableStore fails at the stale use. */
    static final class Scenario {
        static long run(@Multiple Store store) {
            long h = store.allocate(8, 8);
            MemorySegment p = store.resolve(h, 8);
            store.allocate(1 << 16, 8); // the buffer moves
            return p.get(JAVA_LONG, 0); // stale
        }
    }

    @Test
    void aBuggyScenarioFailsAtTheStaleUse() throws ReflectiveOperationException {
        Method run = Scenario.class.getDeclaredMethod("run", Store.class);
        try (CheckedStore store = new CheckedStore(new GrowableStore())) {
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> run.invoke(null, store));
            assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
            StackTraceElement scenarioFrame = java.util.Arrays.stream(e.getCause().getStackTrace())
                    .filter(f -> f.getClassName().equals(Scenario.class.getName())).findFirst().orElseThrow();
            assertEquals("run", scenarioFrame.getMethodName());
        }
    }

    @Test
    void layoutOverloadsAreTheLongOnesAndReportTheCallersLine() {
        java.lang.foreign.MemoryLayout point = java.lang.foreign.MemoryLayout.structLayout(
                java.lang.foreign.ValueLayout.JAVA_INT.withName("x"), java.lang.foreign.ValueLayout.JAVA_INT.withName("y"));
        CheckedStore store = new CheckedStore(new ArenaStore());
        long h = store.allocateZeroed(point);
        assertEquals(8, store.resolve(h, point).byteSize());
        assertEquals(0, store.resolve(h, point).get(java.lang.foreign.ValueLayout.JAVA_INT, 4));
        assertTrue(store.outstanding().get(0).allocatedAt().startsWith("CheckedStoreTest.layoutOverloads"),
                store.outstanding().get(0).allocatedAt());
        store.deallocate(h, point);
        assertEquals(List.of(), store.outstanding());
        store.close();
    }

    @Test
    void danglingHandlesOfACheckedStore() {
        try (CheckedStore store = new CheckedStore(new ArenaStore())) {
            long d = store.dangling(32);
            assertEquals(32, store.resolve(d, 0).address());
            StaleHandleException e = assertThrows(StaleHandleException.class, () -> store.resolve(d, 8));
            assertTrue(e.getMessage().contains("dangling"), e.getMessage());
            long zero = store.allocate(0, 8);
            assertEquals(0, store.resolve(zero, 0).byteSize());
            store.deallocate(zero, 0, 8);
            assertEquals(List.of(), store.outstanding());
        }
    }
}
