package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Store's overloads that take a MemoryLayout: the layout's size and alignment, passed through. */
class StoreLayoutOverloadsTest {

    @Test
    void theLayoutOverloadsAllocateResolveAndFreeTheLayoutsSize() {
        MemoryLayout point = MemoryLayout.structLayout(JAVA_INT.withName("x"), JAVA_INT.withName("y"), JAVA_LONG.withName("z"));
        try (CheckedStore store = new CheckedStore(new ArenaStore())) {
            long handle = store.allocate(point);
            MemorySegment p = store.resolve(handle, point);
            assertEquals(16, p.byteSize());
            assertEquals(0, p.address() % 8, "aligned to the layout");
            p.set(JAVA_LONG, 8, 42);
            assertEquals(42, store.resolve(handle, 16).get(JAVA_LONG, 8));
            long zeroed = store.allocateZeroed(point);
            MemorySegment z = store.resolve(zeroed, point);
            assertEquals(16, z.byteSize());
            assertEquals(0, z.get(JAVA_LONG, 0) | z.get(JAVA_LONG, 8));
            assertEquals(2, store.outstanding().size());
            store.deallocate(handle, point);
            store.deallocate(zeroed, point);
            assertEquals(List.of(), store.outstanding(), "freed with the layout's size and alignment, which the checked store verifies");
            assertTrue(store.outstanding().isEmpty());
        }
    }
}
