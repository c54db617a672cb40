package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Collections over a store that holds one allocation at a time ({@link InlineStore}, not
 * {@code @Multiple}): vectors and maps grow their one allocation in place, boxes move by handing the
 * allocation over, and a list refuses a second node instead of corrupting the first.
 */
class SingleAllocationStoreTest {

    static Stream<Supplier<Store>> inlineStores() {
        CollectionStores.Kind inline = new CollectionStores.Kind("InlineStore(1024)", () -> new InlineStore(1024));
        return Stream.of(inline, CollectionStores.checked(inline));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inlineStores")
    void aVectorGrowsUpToTheCapacityAndThenFailsChangingNothing(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 128; i++) v.pushLong(i); // 1,024 bytes: all of it
            assertEquals(128, v.capacity());
            assertThrows(StoreExhaustedException.class, () -> v.pushLong(128));
            assertEquals(128, v.size());
            assertEquals(127, v.getLong(127));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inlineStores")
    void aMapRehashesByGrowingItsOneTableAndAFailedRehashChangesNothing(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            for (long k = 1; k <= 24; k++) map.put(k, k * k); // 16 -> 32 slots: 528 bytes
            assertEquals(24, map.capacity());
            map.put(0, 5);
            // 64 slots would take 1,040 bytes: more than the store holds
            assertThrows(StoreExhaustedException.class, () -> map.put(25, 1));
            assertEquals(25, map.size());
            for (long k = 1; k <= 24; k++) assertEquals(k * k, map.get(k, 0));
            assertEquals(5, map.get(0, 0));
            map.put(3, -3); // present keys still work: no rehash needed
            assertEquals(-3, map.get(3, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inlineStores")
    void aBoxMovedWithinTheStoreKeepsItsValue(Supplier<Store> kind) {
        try (Store store = kind.get()) {
            StoreBox box = StoreBox.allocate(store, JAVA_LONG);
            box.get().set(JAVA_LONG, 0, 3);
            StoreBox moved = box.moveTo(store);
            assertEquals(3, moved.get().get(JAVA_LONG, 0));
            assertThrows(IllegalStateException.class, box::get);
            moved.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inlineStores")
    void aVectorMovedWithinTheStoreKeepsItsElements(Supplier<Store> kind) {
        try (Store store = kind.get()) {
            StoreVec v = StoreVec.ofLongs(store);
            for (long i = 0; i < 5; i++) v.pushLong(i);
            StoreVec moved = v.moveTo(store);
            assertArrayEquals(new long[] {0, 1, 2, 3, 4}, moved.toLongArray());
            moved.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inlineStores")
    void aListRefusesASecondNode(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            list.pushBack().set(JAVA_LONG, 0, 1);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, list::pushFront);
            assertTrue(e.getMessage().contains("@Multiple"), e.getMessage());
            assertEquals(1, list.size());
            assertEquals(1, list.front().get(JAVA_LONG, 0), "the first node is intact");
        }
    }
}
