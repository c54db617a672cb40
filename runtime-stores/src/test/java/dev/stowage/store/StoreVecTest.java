package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** StoreVec over every general store: values, growth, capacity promises, move and close. */
class StoreVecTest {

    static Stream<CollectionStores.Kind> stores() {
        return CollectionStores.generalStream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void pushedValuesReadBackInOrderAcrossReallocations(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            assertEquals(0, v.capacity(), "a new vector allocates nothing");
            for (long i = 0; i < 1_000; i++) v.pushLong(i * 3);
            assertEquals(1_000, v.size());
            assertTrue(v.capacity() >= 1_000);
            for (long i = 0; i < 1_000; i++) assertEquals(i * 3, v.getLong(i));
            v.setLong(500, -1);
            assertEquals(-1, v.getLong(500));
            assertEquals(-1, v.get(500).get(JAVA_LONG, 0), "get(i) points at the same element");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void reserveMakesRoomSoPushesWithinCapacityNeverReallocate(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            v.pushLong(1);
            v.reserve(100);
            long capacity = v.capacity();
            assertTrue(capacity >= 101, "capacity " + capacity);
            MemorySegment first = v.get(0);
            long address = v.elements().address();
            while (v.size() < capacity) v.pushLong(v.size());
            assertEquals(capacity, v.capacity());
            assertEquals(address, v.elements().address(), "the buffer did not move");
            first.set(JAVA_LONG, 0, 77); // still a valid pointer: nothing reallocated
            assertEquals(77, v.getLong(0));
            v.reserve(0);
            assertEquals(capacity, v.capacity(), "reserve(0) on a full vector changes nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void insertAndRemoveShiftTheOtherElements(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            v.insertLong(0, 2);        // [2]
            v.insertLong(0, 0);        // [0 2]
            v.insertLong(1, 1);        // [0 1 2]
            v.insertLong(3, 3);        // [0 1 2 3]
            assertArrayEquals(new long[] {0, 1, 2, 3}, v.toLongArray());
            v.remove(1);               // [0 2 3]
            v.remove(2);               // [0 2]
            assertArrayEquals(new long[] {0, 2}, v.toLongArray());
            assertThrows(IndexOutOfBoundsException.class, () -> v.insertLong(3, 9));
            assertThrows(IndexOutOfBoundsException.class, () -> v.remove(2));
            assertThrows(IndexOutOfBoundsException.class, () -> v.remove(-1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void truncateAndClearKeepTheCapacityAndShrinkToFitGivesItBack(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 10; i++) v.pushLong(i);
            long capacity = v.capacity();
            v.truncate(20);
            assertEquals(10, v.size(), "truncating to more than the size does nothing");
            v.truncate(4);
            assertEquals(4, v.size());
            assertEquals(capacity, v.capacity());
            assertThrows(IllegalArgumentException.class, () -> v.truncate(-1));
            v.shrinkToFit();
            assertEquals(4, v.capacity());
            assertArrayEquals(new long[] {0, 1, 2, 3}, v.toLongArray());
            v.clear();
            assertTrue(v.isEmpty());
            assertEquals(4, v.capacity());
            v.shrinkToFit();
            assertEquals(0, v.capacity(), "an empty vector frees its buffer");
            v.pushLong(5);
            assertEquals(5, v.getLong(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void structElementsArePushedZeroedAndReachedThroughPointers(CollectionStores.Kind kind) {
        MemoryLayout point = MemoryLayout.structLayout(JAVA_INT.withName("x"), JAVA_INT.withName("y"), JAVA_INT.withName("z"));
        try (Store store = kind.get(); StoreVec v = StoreVec.create(store, point)) {
            for (int i = 0; i < 50; i++) {
                MemorySegment p = v.push();
                assertEquals(12, p.byteSize());
                assertEquals(0, p.get(JAVA_INT, 8), "pushed elements start zeroed");
                p.set(JAVA_INT, 0, i);
                p.set(JAVA_INT, 8, -i);
            }
            v.remove(0);
            assertEquals(1, v.get(0).get(JAVA_INT, 0));
            assertEquals(-49, v.get(48).get(JAVA_INT, 8));
            assertEquals(49 * 12, v.elements().byteSize());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> v.getLong(0));
            assertTrue(e.getMessage().contains("8-byte elements"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> v.pushLong(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void moveToCopiesIntoTheTargetAndKillsTheSource(CollectionStores.Kind kind) {
        try (Store from = kind.get(); Store to = new ArenaStore()) {
            StoreVec v = StoreVec.ofLongs(from);
            for (long i = 0; i < 20; i++) v.pushLong(i);
            StoreVec moved = v.moveTo(to);
            assertEquals(to, moved.store());
            assertArrayEquals(range(20), moved.toLongArray());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.getLong(0));
            assertTrue(e.getMessage().contains("moved"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> v.pushLong(1));
            assertThrows(IllegalStateException.class, v::size);
            v.close(); // does nothing on a moved vector
            moved.pushLong(20);
            assertArrayEquals(range(21), moved.toLongArray());
            StoreVec back = moved.moveTo(from);
            assertArrayEquals(range(21), back.toLongArray());
            back.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aClosedVectorRefusesEveryOperation(CollectionStores.Kind kind) {
        try (Store store = kind.get()) {
            StoreVec v = StoreVec.ofLongs(store);
            v.pushLong(1);
            v.close();
            v.close(); // a second close does nothing
            for (Runnable use : new Runnable[] {
                    () -> v.getLong(0), () -> v.setLong(0, 1), () -> v.pushLong(1), () -> v.push(),
                    () -> v.get(0), v::elements, v::longs, () -> v.reserve(1), () -> v.truncate(0), v::shrinkToFit,
                    () -> v.insertLong(0, 1), () -> v.remove(0), v::size, v::capacity, () -> v.moveTo(store),
                    // the no-op cases too: an empty bulk push or read, reserving nothing
                    () -> v.pushLongs(new long[0], 0, 0), () -> v.getLongs(0, new long[0], 0, 0), () -> v.reserve(0),
                    v::toLongArray, v::handle}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
            }
            assertTrue(v.toString().contains("closed"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void bulkPushAndGetCopyRunsOfValues(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            long[] values = range(100);
            v.pushLong(-1);
            v.pushLongs(values, 10, 50);       // 10..59 after -1
            v.pushLongs(values, 0, 0);
            assertEquals(51, v.size());
            assertEquals(10, v.getLong(1));
            assertEquals(59, v.getLong(50));
            long[] into = new long[5];
            v.getLongs(48, into, 1, 3);
            assertArrayEquals(new long[] {0, 57, 58, 59, 0}, into);
            assertThrows(IndexOutOfBoundsException.class, () -> v.getLongs(49, into, 0, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> v.getLongs(-1, into, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> v.pushLongs(values, 90, 20));
            assertEquals(51, v.size(), "a refused bulk push changes nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aLongViewReadsAndWritesTheElementsInPlace(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 100; i++) v.pushLong(i * 3);
            StoreVec.LongView view = v.longs();
            assertEquals(100, view.size());
            for (int i = 0; i < 100; i++) assertEquals(i * 3L, view.get(i));
            view.set(7, -7);
            assertEquals(-7, v.getLong(7), "the view writes the vector's own element");
            v.setLong(8, -8);
            assertEquals(-8, view.get(8), "setLong invalidates nothing: the view sees it");
            for (int bad : new int[] {100, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                assertThrows(IndexOutOfBoundsException.class, () -> view.get(bad), "get(" + bad + ")");
                assertThrows(IndexOutOfBoundsException.class, () -> view.set(bad, 1), "set(" + bad + ")");
            }
            assertArrayEquals(v.toLongArray(), longsOf(view), "nothing else was written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aLongViewHasTheSizeTheVectorHadWhenItWasMade(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            StoreVec.LongView empty = v.longs();
            assertEquals(0, empty.size());
            assertThrows(IndexOutOfBoundsException.class, () -> empty.get(0));
            v.reserve(10);
            v.pushLong(1);
            v.pushLong(2);
            StoreVec.LongView two = v.longs();
            assertEquals(2, two.size());
            assertThrows(IndexOutOfBoundsException.class, () -> two.get(2), "the capacity beyond the size is not in the view");
        }
    }

    /** Under CheckedStore a view used after the vector reallocated, dropped elements or closed throws: it never reads old memory. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void aStaleLongViewThrowsUnderCheckedStore(CollectionStores.Kind kind) {
        try (Store store = kind.get()) {
            StoreVec v = StoreVec.ofLongs(store);
            v.pushLong(1);
            v.shrinkToFit();
            StoreVec.LongView beforeGrow = v.longs();
            v.pushLong(2); // reallocates: capacity was 1
            assertThrows(IllegalStateException.class, () -> beforeGrow.get(0));
            assertThrows(IllegalStateException.class, () -> beforeGrow.set(0, 5));
            StoreVec.LongView beforeRemove = v.longs();
            v.remove(0);
            assertThrows(IllegalStateException.class, () -> beforeRemove.get(0));
            StoreVec.LongView beforeClose = v.longs();
            v.close();
            assertThrows(IllegalStateException.class, () -> beforeClose.get(0));
            assertThrows(IllegalStateException.class, v::longs, "a closed vector makes no view");
        }
    }

    static Stream<CollectionStores.Kind> checkedStores() {
        return CollectionStores.plain().stream().map(CollectionStores::checked);
    }

    @Test
    void aLongViewNeedsEightByteElements() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.create(store, JAVA_INT)) {
            v.push().set(JAVA_INT, 0, 1);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, v::longs);
            assertTrue(e.getMessage().contains("StoreVec.longs") && e.getMessage().contains("8-byte elements"), e.getMessage());
        }
    }

    @Test
    void aLongViewShowsItsFirstValues() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 20; i++) v.pushLong(i);
            String text = v.longs().toString();
            assertEquals("StoreVec.LongView[size=20, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, … 4 more]]", text);
            v.truncate(2);
            assertEquals("StoreVec.LongView[size=2, [0, 1]]", v.longs().toString());
        }
    }

    private static long[] longsOf(StoreVec.LongView view) {
        long[] values = new long[view.size()];
        for (int i = 0; i < values.length; i++) values[i] = view.get(i);
        return values;
    }

    @Test
    void indexErrorsNameTheIndexAndTheSize() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
            v.pushLong(1);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> v.getLong(5));
            assertTrue(e.getMessage().contains("getLong(5)") && e.getMessage().contains("size 1"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> v.getLong(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> v.setLong(1, 0));
            assertThrows(IllegalArgumentException.class, () -> v.reserve(-1));
        }
    }

    @Test
    void zeroSizedElementsAreRefused() {
        try (Store store = new ArenaStore()) {
            // An empty struct is a layout of 0 bytes (the JDK itself refuses paddingLayout(0)).
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StoreVec.create(store, MemoryLayout.structLayout()));
            assertTrue(e.getMessage().contains("at least one byte"), e.getMessage());
            assertEquals(1, StoreVec.create(store, JAVA_BYTE).elementLayout().byteSize(), "one byte is enough");
        }
    }

    @Test
    void toStringShowsSizeCapacityAndTheFirstValues() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 20; i++) v.pushLong(i);
            String text = v.toString();
            assertTrue(text.startsWith("StoreVec[size=20, capacity=32"), text);
            assertTrue(text.contains("[0, 1, 2") && text.contains("4 more"), text);
        }
    }

    @Test
    void aFailedGrowChangesNothing() {
        try (Store store = new ArenaStore(64, 256); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 8; i++) v.pushLong(i);
            long capacity = v.capacity();
            assertThrows(StoreExhaustedException.class, () -> v.reserve(1_000));
            assertEquals(capacity, v.capacity());
            assertArrayEquals(range(8), v.toLongArray());
        }
    }

    @Test
    void growthAtLeastDoublesTheCapacityFromAMinimumOfFour() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
            v.pushLong(0);
            assertEquals(4, v.capacity(), "the first push allocates room for four");
            for (long i = 1; i <= 4; i++) v.pushLong(i);
            assertEquals(8, v.capacity(), "a full vector doubles");
            v.reserve(20);
            assertEquals(25, v.capacity(), "reserve beyond double gives exactly what was asked");
            v.reserve(20);
            assertEquals(25, v.capacity(), "reserving room that is there changes nothing");
            v.pushLongs(range(30), 0, 30);
            assertEquals(50, v.capacity(), "a bulk push that fits in double the capacity doubles it");
        }
    }

    @Test
    void aVectorWhoseByteSizeWouldOverflowIsRefusedAndNothingChanges() {
        MemoryLayout wide = MemoryLayout.structLayout(JAVA_LONG, JAVA_LONG);
        try (Store store = new ArenaStore(); StoreVec longs = StoreVec.ofLongs(store); StoreVec pairs = StoreVec.create(store, wide)) {
            longs.pushLong(7);
            pairs.push();
            for (long count : new long[] {Long.MAX_VALUE, Long.MAX_VALUE / 8, Long.MAX_VALUE / 16 + 1}) {
                StoreExhaustedException e = assertThrows(StoreExhaustedException.class, () -> pairs.reserve(count));
                assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
            }
            assertThrows(StoreExhaustedException.class, () -> longs.reserve(Long.MAX_VALUE));
            assertThrows(StoreExhaustedException.class, () -> longs.reserve(Long.MAX_VALUE / 8));
            assertEquals(4, longs.capacity());
            assertEquals(7, longs.getLong(0));
            assertEquals(4, pairs.capacity());
            assertEquals(1, pairs.size());
        }
    }

    @Test
    void reopenMakesAVectorOverTheBufferAHandleSizeAndCapacityDescribe() {
        try (Store store = new ArenaStore()) {
            StoreVec first = StoreVec.ofLongs(store);
            for (long i = 0; i < 5; i++) first.pushLong(i * 10);
            StoreVec again = StoreVec.reopen(store, JAVA_LONG, first.handle(), first.size(), first.capacity());
            assertEquals(5, again.size());
            assertEquals(first.capacity(), again.capacity());
            assertEquals(first.handle(), again.handle());
            assertArrayEquals(new long[] {0, 10, 20, 30, 40}, again.toLongArray());
            again.pushLong(50);   // within the capacity: the same buffer
            assertEquals(first.handle(), again.handle());
            assertEquals(50, again.longs().get(5));
            again.close();        // the buffer is the reopened vector's now; 'first' is not closed
            StoreVec empty = StoreVec.reopen(store, JAVA_LONG, 12345, 0, 0);
            assertEquals(0, empty.capacity(), "capacity 0 names no buffer: the handle is not even looked at");
            assertTrue(empty.isEmpty());
        }
    }

    @Test
    void reopenRefusesASizeAndCapacityThatDescribeNoBuffer() {
        try (Store store = new ArenaStore()) {
            long handle = store.allocate(64, 8);
            for (long[] sizeAndCapacity : new long[][] {{-1, 4}, {0, -1}, {5, 4}, {0, Long.MAX_VALUE / 8 + 1}}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> StoreVec.reopen(store, JAVA_LONG, handle, sizeAndCapacity[0], sizeAndCapacity[1]));
                assertTrue(e.getMessage().contains("8-byte elements"), e.getMessage());
            }
            StoreVec exact = StoreVec.reopen(store, JAVA_LONG, handle, 8, 8);
            assertEquals(8, exact.size(), "a full buffer is fine");
        }
    }

    @Test
    void theAccessorsNameTheStoreTheLayoutAndTheState() {
        MemoryLayout point = MemoryLayout.structLayout(JAVA_INT, JAVA_INT);
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.create(store, point)) {
            assertEquals(store, v.store());
            assertEquals(point, v.elementLayout());
            assertTrue(v.isEmpty());
            assertEquals(MemorySegment.NULL, v.elements(), "an empty vector has no elements to point at");
            v.push();
            assertEquals(false, v.isEmpty());
            StoreVec moved = v.moveTo(store);
            assertTrue(v.toString().startsWith("StoreVec[moved to ArenaStore"), v.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, v::handle);
            assertTrue(e.getMessage().contains("moved"), e.getMessage());
            moved.close();
        }
    }

    @Test
    void reopenLeavesABufferWhoseByteSizeFitsToTheStoreToCheck() {
        try (Store store = new ArenaStore()) {
            long handle = store.allocate(64, 8);
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> StoreVec.reopen(store, JAVA_LONG, handle, 0, Long.MAX_VALUE / 8));
            assertFalse(e.getMessage().contains("do not describe a buffer"),
                    "Long.MAX_VALUE / 8 longs fit in a long byte size; the store refuses the handle: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void reserveAlwaysLeavesRoomForThatManyMore(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            for (long n = 0; n < 40; n++) {
                v.reserve(n % 7);
                assertTrue(v.capacity() >= v.size() + n % 7, "size " + v.size() + " capacity " + v.capacity() + " after reserve(" + n % 7 + ")");
                v.pushLong(n);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aBulkPushThatFillsTheReservedRoomExactlyDoesNotReallocate(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            v.pushLong(-1);
            v.reserve(10);
            long capacity = v.capacity();
            long handle = v.handle();
            long room = capacity - v.size();
            v.pushLongs(range((int) room), 0, (int) room);
            assertEquals(capacity, v.capacity());
            assertEquals(handle, v.handle(), "the same buffer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void getLongsReadsOnlyWithinTheSizeEvenWhenTheCapacityIsLarger(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            v.reserve(100);
            v.pushLongs(range(10), 0, 10);
            long[] into = new long[4];
            v.getLongs(0, into, 0, 4);
            assertArrayEquals(new long[] {0, 1, 2, 3}, into, "from the first element");
            v.getLongs(6, into, 0, 4);
            assertArrayEquals(new long[] {6, 7, 8, 9}, into, "up to the last");
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> v.getLongs(8, into, 0, 4));
            assertEquals("StoreVec.getLongs(8, …, 4): elements 8..12 are out of bounds for size 10", e.getMessage());
        }
    }

    @Test
    void insertErrorsNameThePositionsThatAreAllowed() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
            v.pushLong(1);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> v.insertLong(5, 0));
            assertEquals("StoreVec.insertLong(5): index out of bounds for positions 0..1", e.getMessage());
        }
    }

    /** Appending with insertLong at the end, within reserved room, neither moves nor shifts: pointers stay valid (the checker says so too). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void anInsertAtTheEndWithinTheRoomKeepsPointersValid(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreVec v = StoreVec.ofLongs(store)) {
            v.pushLong(1);
            v.reserve(1);
            MemorySegment first = v.get(0);
            v.insertLong(1, 2);
            first.set(JAVA_LONG, 0, 10);
            assertArrayEquals(new long[] {10, 2}, v.toLongArray());
            v.insertLong(0, 0); // shifts: now the pointer is stale
            assertThrows(IllegalStateException.class, () -> first.get(JAVA_LONG, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedStores")
    void shrinkingAnEmptyVectorAndMovingOrClosingOneGiveItsBufferBack(CollectionStores.Kind kind) {
        try (CheckedStore store = (CheckedStore) kind.get(); Store target = new ArenaStore()) {
            StoreVec v = StoreVec.ofLongs(store);
            v.close();
            assertEquals(List.of(), store.outstanding(), "a vector that never allocated frees nothing");
            StoreVec shrunk = StoreVec.ofLongs(store);
            shrunk.pushLong(1);
            shrunk.clear();
            shrunk.shrinkToFit();
            assertEquals(0, shrunk.capacity());
            assertEquals(List.of(), store.outstanding(), "shrinkToFit of an empty vector frees its buffer");
            shrunk.pushLong(2);
            assertEquals(2, shrunk.getLong(0), "and it allocates again when needed");
            shrunk.close();
            StoreVec cleared = StoreVec.ofLongs(store);
            cleared.pushLong(1);
            cleared.clear();
            StoreVec moved = cleared.moveTo(target);
            assertEquals(List.of(), store.outstanding(), "moving an empty vector frees its buffer in the old store");
            assertEquals(0, moved.capacity());
            assertTrue(moved.isEmpty());
            moved.close();
        }
    }

    @Test
    void toStringShowsAtMostSixteenValuesAndCountsTheRest() {
        try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
            assertEquals("StoreVec[size=0, capacity=0, element=" + JAVA_LONG + ", store=" + store + "]", v.toString(),
                    "an empty vector shows no values");
            for (long i = 0; i < 16; i++) v.pushLong(i);
            assertTrue(v.toString().endsWith(", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]"), v.toString());
            v.pushLong(16);
            assertTrue(v.toString().endsWith(", 14, 15, … 1 more]]"), v.toString());
        }
    }

    @Test
    void theScopedFactoryForAnyLayoutUsesTheScopedStore() throws Exception {
        try (ArenaStore arena = new ArenaStore()) {
            MemoryLayout point = MemoryLayout.structLayout(JAVA_INT, JAVA_INT);
            Stores.where(arena).call(() -> {
                try (StoreVec v = StoreVec.create(point)) {
                    assertSame(arena, v.store());
                    assertEquals(point, v.elementLayout());
                    return null;
                }
            });
        }
    }

    /** A GrowableStore moves its whole buffer when it grows: a vector over it must not keep a pointer to the old one. */
    @Test
    void aVectorOverAStoreThatMovesFollowsItsBuffer() {
        try (GrowableStore store = new GrowableStore(64, Long.MAX_VALUE); StoreVec v = StoreVec.ofLongs(store)) {
            for (long i = 0; i < 4; i++) v.pushLong(i);
            for (int i = 0; i < 20; i++) store.allocate(1024, 8); // the store's buffer grows, and moves
            v.setLong(0, 10);
            assertArrayEquals(new long[] {10, 1, 2, 3}, v.toLongArray());
            assertEquals(3, v.getLong(3));
            assertEquals(2, v.longs().get(2));
        }
    }

    static long[] range(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) values[i] = i;
        return values;
    }
}
