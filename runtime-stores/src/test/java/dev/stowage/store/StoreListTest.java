package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** StoreList: both ends, walking, and the sharing-store rule of splitOff and append. */
class StoreListTest {

    static Stream<CollectionStores.Kind> stores() {
        return CollectionStores.nodeStores().stream();
    }

    static long[] values(StoreList list) {
        long[] values = new long[(int) list.size()];
        for (int i = 0; i < values.length; i++) values[i] = list.get(i).get(JAVA_LONG, 0);
        return values;
    }

    static void pushBack(StoreList list, long value) {
        list.pushBack().set(JAVA_LONG, 0, value);
    }

    static void pushFront(StoreList list, long value) {
        list.pushFront().set(JAVA_LONG, 0, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void pushingAtTheFrontAndPoppingAtTheBackMakesAQueue(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            for (long i = 0; i < 100; i++) {
                pushFront(list, i);
                if (i % 3 == 2) {
                    assertEquals(i / 3, list.back().get(JAVA_LONG, 0), "the oldest element is at the back");
                    list.popBack();
                }
            }
            assertEquals(100 - 33, list.size());
            assertEquals(99, list.front().get(JAVA_LONG, 0));
            assertEquals(33, list.back().get(JAVA_LONG, 0));
            while (!list.isEmpty()) list.popFront();
            assertThrows(NoSuchElementException.class, list::popBack);
            assertThrows(NoSuchElementException.class, list::front);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void bothEndsInterleaved(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            pushBack(list, 2);
            pushFront(list, 1);
            pushBack(list, 3);
            pushFront(list, 0);
            assertArrayEquals(new long[] {0, 1, 2, 3}, values(list));
            list.popFront();
            list.popBack();
            assertArrayEquals(new long[] {1, 2}, values(list));
            list.popBack();
            list.popBack();
            pushBack(list, 9);
            assertEquals(9, list.front().get(JAVA_LONG, 0));
            assertEquals(9, list.back().get(JAVA_LONG, 0));
        }
    }

    @Test
    void elementsOfAnyLayoutAreZeroedAndAligned() {
        MemoryLayout triple = MemoryLayout.structLayout(JAVA_INT, JAVA_INT, JAVA_INT);
        try (Store store = new ArenaStore(); StoreList list = StoreList.create(store, triple)) {
            for (int i = 0; i < 10; i++) {
                var element = list.pushBack();
                assertEquals(12, element.byteSize());
                assertEquals(0, element.get(JAVA_INT, 8));
                assertEquals(0, element.address() % 4);
                element.set(JAVA_INT, 8, i);
            }
            assertEquals(7, list.get(7).get(JAVA_INT, 8));
        }
    }

    static Stream<CollectionStores.Kind> storesThatDoNotShare() {
        return Stream.of(CollectionStores.plain().get(1), CollectionStores.checked(CollectionStores.plain().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storesThatDoNotShare")
    void splitOffAndAppendRefuseStoresOutsideASharingSet(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG);
                StoreList other = StoreList.create(store, JAVA_LONG)) {
            pushBack(list, 1);
            pushBack(other, 2);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> list.splitOff(0));
            assertTrue(e.getMessage().contains("SharingStore"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> list.append(other));
            assertArrayEquals(new long[] {1}, values(list), "nothing changed");
            assertArrayEquals(new long[] {2}, values(other));
        }
    }

    @Test
    void getAndSplitCheckTheirIndex() {
        try (Store store = new ArenaStore(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            pushBack(list, 1);
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> list.splitOff(2));
        }
    }

    @Test
    void closeFreesEveryNodeAndAClosedListRefusesUse() {
        try (GlobalStore store = new GlobalStore()) {
            StoreList list = StoreList.create(store, JAVA_LONG);
            for (long i = 0; i < 10; i++) pushBack(list, i);
            assertTrue(list.toString().contains("[0, 1, 2"), list.toString());
            list.close();
            list.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, list::pushBack);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertThrows(IllegalStateException.class, list::size);
            assertThrows(IllegalStateException.class, list::front);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anEmptyListHasNoEndsAndStaysUsable(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            assertEquals(JAVA_LONG, list.elementLayout());
            for (Runnable call : new Runnable[] {list::popFront, list::popBack, list::front, list::back}) {
                NoSuchElementException e = assertThrows(NoSuchElementException.class, call::run);
                assertTrue(e.getMessage().contains("empty"), e.getMessage());
            }
            pushBack(list, 5);
            assertArrayEquals(new long[] {5}, values(list));
        }
    }

    @Test
    void aClosedListRefusesReadsSplitsAndAppends() {
        try (SharedArenaStore store = new SharedArenaStore()) {
            StoreList list = StoreList.create(store, JAVA_LONG);
            StoreList open = StoreList.create(store, JAVA_LONG);
            pushBack(list, 1);
            list.close();
            for (Runnable call : new Runnable[] {() -> list.get(0), () -> list.splitOff(0), () -> list.append(open), () -> open.append(list)}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
            }
            open.close();
        }
    }

    @Test
    void aListSplitOffOwnsItsStoreMemberAndClosesIt() {
        try (SharedArenaStore store = new SharedArenaStore(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            for (long i = 0; i < 6; i++) pushBack(list, i);
            StoreList rest = list.splitOff(4);
            assertArrayEquals(new long[] {4, 5}, values(rest));
            assertArrayEquals(new long[] {0, 1, 2, 3}, values(list));
            Store member = rest.store();
            rest.close();
            assertThrows(IllegalStateException.class, () -> member.allocate(8, 8), "the split-off list's store member is closed with it");
            pushBack(list, 9);
            assertArrayEquals(new long[] {0, 1, 2, 3, 9}, values(list), "the original list and its store are unaffected");
        }
    }

    @Test
    void toStringShowsAtMostSixteenValuesAndCountsTheRest() {
        try (Store store = new ArenaStore(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            assertFalse(list.toString().contains("more") || list.toString().contains("[]"), list.toString());
            for (long i = 0; i < 16; i++) pushBack(list, i);
            assertTrue(list.toString().contains("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]"), list.toString());
            assertFalse(list.toString().contains("more"), list.toString());
            pushBack(list, 16);
            assertTrue(list.toString().contains("14, 15, … 1 more]"), list.toString());
        }
    }
}
