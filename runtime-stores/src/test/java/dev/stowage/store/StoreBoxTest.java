package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** StoreBox: one allocation, moved between stores, leaked only where the store is pinned. */
class StoreBoxTest {

    static Stream<CollectionStores.Kind> stores() {
        return CollectionStores.generalStream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aNewBoxIsZeroedAndKeepsWhatIsWritten(CollectionStores.Kind kind) {
        MemoryLayout pair = MemoryLayout.structLayout(JAVA_LONG, JAVA_LONG);
        try (Store store = kind.get(); StoreBox box = StoreBox.allocate(store, pair)) {
            assertEquals(16, box.get().byteSize());
            assertEquals(0, box.get().get(JAVA_LONG, 8));
            box.get().set(JAVA_LONG, 8, 99);
            assertEquals(99, store.resolve(box.handle(), 16).get(JAVA_LONG, 8), "the handle names the box's memory");
            assertSame(store, box.store());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void moveToCopiesAndKillsTheSource(CollectionStores.Kind kind) {
        try (Store from = kind.get(); Store to = new ArenaStore()) {
            StoreBox box = StoreBox.allocate(from, JAVA_LONG);
            box.get().set(JAVA_LONG, 0, 41);
            StoreBox moved = box.moveTo(to);
            assertEquals(41, moved.get().get(JAVA_LONG, 0));
            IllegalStateException e = assertThrows(IllegalStateException.class, box::get);
            assertTrue(e.getMessage().contains("moved"), e.getMessage());
            assertThrows(IllegalStateException.class, box::handle);
            assertThrows(IllegalStateException.class, () -> box.moveTo(to));
            box.close(); // nothing: the box was moved
            StoreBox sameStore = moved.moveTo(to);
            assertEquals(41, sameStore.get().get(JAVA_LONG, 0));
            sameStore.close();
            sameStore.close();
            assertThrows(IllegalStateException.class, sameStore::get);
        }
    }

    @Test
    void leakOnAPinnedStoreGivesMemoryThatOutlivesTheStore() {
        MemorySegment forever;
        try (GlobalStore store = new GlobalStore()) {
            StoreBox box = StoreBox.allocate(store, JAVA_LONG);
            box.get().set(JAVA_LONG, 0, 7);
            forever = box.leak();
            IllegalStateException e = assertThrows(IllegalStateException.class, box::get);
            assertTrue(e.getMessage().contains("leaked"), e.getMessage());
            box.close(); // nothing: leaked memory is never freed
        }
        assertEquals(7, forever.get(JAVA_LONG, 0));
    }

    @Test
    void aClosedOrLeakedBoxCannotBeLeakedAgain() {
        try (GlobalStore store = new GlobalStore()) {
            StoreBox closed = StoreBox.allocate(store, JAVA_LONG);
            closed.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, closed::leak, "its memory is freed");
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertEquals(JAVA_LONG, closed.layout());
            StoreBox leaked = StoreBox.allocate(store, JAVA_LONG);
            leaked.leak();
            assertThrows(IllegalStateException.class, leaked::leak);
        }
    }

    @Test
    void leakOnAStoreThatIsNotPinnedThrowsAndLeavesTheBoxLive() {
        try (ArenaStore store = new ArenaStore(); StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, box::leak);
            assertTrue(e.getMessage().contains("not @Pinned"), e.getMessage());
            box.get().set(JAVA_LONG, 0, 1); // still live
        }
    }

    @Test
    void aZeroSizedBoxAllocatesNothing() {
        try (ArenaStore store = new ArenaStore(); StoreBox box = StoreBox.allocate(store, MemoryLayout.structLayout())) {
            assertEquals(0, box.get().byteSize());
            assertEquals(0, store.reservedBytes());
        }
    }

    @Test
    void toStringTellsTheState() {
        try (ArenaStore store = new ArenaStore()) {
            StoreBox box = StoreBox.allocate(store, JAVA_LONG);
            assertTrue(box.toString().startsWith("StoreBox[live"), box.toString());
            box.close();
            assertTrue(box.toString().startsWith("StoreBox[closed"), box.toString());
        }
    }
}
