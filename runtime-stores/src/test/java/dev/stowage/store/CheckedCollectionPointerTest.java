package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through a {@link CheckedStore}, a pointer a collection handed out dies exactly when the
 * collection's contract says it is stale, and not before: the run-time side of the checker's rules.
 */
class CheckedCollectionPointerTest {

    /** Every plain store, wrapped. */
    static Stream<Supplier<Store>> checkedStores() {
        return CollectionStores.plain().stream().map(CollectionStores::checked);
    }

    /** Every store that holds list nodes, wrapped. */
    static Stream<Supplier<Store>> checkedNodeStores() {
        return Stream.concat(CollectionStores.plain().stream(), Stream.of(CollectionStores.slab()))
                .map(CollectionStores::checked);
    }

    static void assertDead(MemorySegment pointer, String why) {
        assertThrows(IllegalStateException.class, () -> pointer.get(JAVA_LONG, 0), why);
    }

    static void assertAlive(MemorySegment pointer, String why) {
        assertDoesNotThrow(() -> pointer.get(JAVA_LONG, 0), why);
    }

    static StoreVec filledVec(Store store, int n) {
        StoreVec v = StoreVec.ofLongs(store);
        for (long i = 0; i < n; i++) v.pushLong(i);
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void vecPointerDiesOnThePushThatReallocatesAndNotBefore(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreVec v = filledVec(store, 1)) {
            MemorySegment first = v.get(0);
            MemorySegment all = v.elements();
            while (v.size() < v.capacity()) v.pushLong(9);
            assertAlive(first, "pushes within the capacity never reallocate");
            assertAlive(all, "pushes within the capacity never reallocate");
            v.pushLong(10); // full: reallocates
            assertDead(first, "the push reallocated");
            assertDead(all, "the push reallocated");
            assertEquals(0, v.getLong(0), "the vector itself re-resolved its buffer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void vecPointerFromPushDiesOnTheNextReallocation(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            MemorySegment pushed = v.push();
            pushed.set(JAVA_LONG, 0, 5);
            v.reserve(100);
            assertDead(pushed, "reserve grew the buffer");
            assertEquals(5, v.getLong(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void vecPointersDieOnEveryOperationThatDropsOrShiftsElements(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreVec v = filledVec(store, 6)) {
            v.reserve(10);
            MemorySegment p = v.get(0);
            v.truncate(5);
            assertDead(p, "truncate drops elements");
            p = v.get(0);
            v.remove(4);
            assertDead(p, "remove shifts elements");
            p = v.get(0);
            v.insertLong(0, -1);
            assertDead(p, "insertLong shifts elements");
            p = v.get(0);
            v.clear();
            assertDead(p, "clear drops every element");
            v.pushLong(1);
            assertEquals(1, v.getLong(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void vecPointersSurviveReadsWritesAndAReserveThatFits(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreVec v = filledVec(store, 3)) {
            v.reserve(5);
            MemorySegment p = v.get(1);
            v.setLong(1, 7);
            v.getLong(2);
            v.reserve(1);
            v.truncate(3);
            assertEquals(7, p.get(JAVA_LONG, 0), "nothing invalidated it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void vecPointersDieOnShrinkToFitMoveToAndClose(Supplier<Store> kind) {
        try (Store store = kind.get(); Store other = kind.get()) {
            StoreVec v = filledVec(store, 5);
            MemorySegment p = v.get(0);
            v.shrinkToFit();
            assertDead(p, "shrinkToFit reallocates");
            p = v.get(0);
            StoreVec moved = v.moveTo(other);
            assertDead(p, "moveTo frees the source");
            p = moved.get(0);
            moved.close();
            assertDead(p, "close frees the buffer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void mapValueRefDiesOnRehashRemoveClearAndCloseButNotOnPutOfAPresentKey(Supplier<Store> kind) {
        try (Store store = kind.get()) {
            StoreLongMap map = StoreLongMap.create(store);
            for (long k = 1; k <= map.capacity(); k++) map.put(k, k);
            MemorySegment ref = map.valueRef(1);
            map.put(1, 100);
            map.put(0, 0);
            assertEquals(100, ref.get(JAVA_LONG, 0), "put of a present key (and of key 0) never rehashes");
            map.put(-1, -1); // a new key in a full table
            assertDead(ref, "the put rehashed");
            ref = map.valueRef(1);
            map.remove(12345); // absent: nothing moves
            assertAlive(ref, "removing an absent key changes nothing");
            map.remove(2);
            assertDead(ref, "remove shifts entries");
            ref = map.valueRef(1);
            map.reserve(1_000);
            assertDead(ref, "reserve rehashed");
            ref = map.valueRef(1);
            map.clear();
            assertDead(ref, "clear drops every entry");
            map.put(1, 1);
            ref = map.valueRef(1);
            map.close();
            assertDead(ref, "close frees the table");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void boxPointerDiesOnMoveAndClose(Supplier<Store> kind) {
        try (Store store = kind.get(); Store other = kind.get()) {
            StoreBox box = StoreBox.allocate(store, JAVA_LONG);
            MemorySegment p = box.get();
            StoreBox moved = box.moveTo(other);
            assertDead(p, "moveTo frees the source");
            p = moved.get();
            moved.close();
            assertDead(p, "close frees the box");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedNodeStores")
    void listPointerDiesWithItsNodeAndOnAStoreThatIsNotStableWithAnyNodeChange(Supplier<Store> kind) {
        try (Store store = kind.get()) {
            boolean stable = Guarantees.of(store).stable();
            StoreList list = StoreList.create(store, JAVA_LONG);
            MemorySegment first = list.pushBack();
            MemorySegment second = list.pushBack();
            if (!stable) assertDead(first, "allocating a node may move the others on a store that is not @Stable");
            first = list.front();
            MemorySegment third = list.pushFront();
            list.popFront();
            assertDead(third, "its node was popped");
            if (stable) {
                assertAlive(first, "a stable store never moves the other nodes");
            } else {
                assertDead(first, "freeing a node may move the others on a store that is not @Stable");
            }
            first = list.front();
            list.popBack();
            assertDead(second, "its node was popped");
            list.close();
            assertDead(first, "close frees every node");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void vecPointerOnAStoreThatIsNotStableDiesWhenTheStoreAllocatesElsewhere(Supplier<Store> kind) {
        try (Store store = kind.get(); StoreVec v = filledVec(store, 2)) {
            MemorySegment p = v.get(0);
            long other = store.allocate(1024, 8);
            if (Guarantees.of(store).stable()) {
                assertAlive(p, "a stable store never moves the vector's buffer");
            } else {
                assertDead(p, "the store is not @Stable: allocating elsewhere may move the buffer");
            }
            assertEquals(1, v.getLong(1), "the vector itself still works");
            store.deallocate(other, 1024, 8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void closingTheStoreKillsEveryCollectionPointer(Supplier<Store> kind) {
        Store store = kind.get();
        StoreVec v = filledVec(store, 3);
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 1);
        MemorySegment element = v.get(0);
        MemorySegment value = map.valueRef(1);
        store.close();
        assertDead(element, "the store is closed");
        assertDead(value, "the store is closed");
    }
}
