package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** splitOff and append move nodes between lists of one sharing set, mixing both ends. */
class SharedListTest {

    static Stream<Supplier<SharingStore>> sharingStores() {
        return Stream.of(
                named("SharedArenaStore", () -> new SharedArenaStore(256, Long.MAX_VALUE)),
                named("Checked SharedArenaStore", () -> new CheckedStore(new SharedArenaStore(256, Long.MAX_VALUE))));
    }

    static Supplier<SharingStore> named(String name, Supplier<SharingStore> factory) {
        return new Supplier<>() {
            @Override public SharingStore get() { return factory.get(); }
            @Override public String toString() { return name; }
        };
    }

    static long[] values(StoreList list) {
        return StoreListTest.values(list);
    }

    static StoreList listOf(Store store, long... values) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        for (long v : values) list.pushBack().set(JAVA_LONG, 0, v);
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharingStores")
    void splitInTheMiddleThenWorkBothEndsOfBothHalves(Supplier<SharingStore> kind) {
        try (SharingStore store = kind.get(); StoreList list = listOf(store, 0, 1, 2, 3, 4, 5)) {
            try (StoreList tail = list.splitOff(3)) {
                assertNotSame(store, tail.store(), "the split-off list lives in a new member of the set");
                assertTrue(store.sharesWith((SharingStore) tail.store()));
                assertArrayEquals(new long[] {0, 1, 2}, values(list));
                assertArrayEquals(new long[] {3, 4, 5}, values(tail));
                tail.pushFront().set(JAVA_LONG, 0, 30);
                tail.popBack();
                list.pushBack().set(JAVA_LONG, 0, 20);
                list.popFront();
                assertArrayEquals(new long[] {1, 2, 20}, values(list));
                assertArrayEquals(new long[] {30, 3, 4}, values(tail));
                list.append(tail);
                assertArrayEquals(new long[] {1, 2, 20, 30, 3, 4}, values(list));
                assertEquals(0, tail.size(), "append leaves the other list empty");
                tail.pushBack().set(JAVA_LONG, 0, 99); // and usable
                assertArrayEquals(new long[] {99}, values(tail));
            }
            // the nodes appended from the split-off list outlive its member: the set is still open
            assertArrayEquals(new long[] {1, 2, 20, 30, 3, 4}, values(list));
            while (list.size() > 0) list.popBack();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharingStores")
    void splitAtTheEndsAndAppendEmptyLists(Supplier<SharingStore> kind) {
        try (SharingStore store = kind.get(); StoreList list = listOf(store, 1, 2)) {
            try (StoreList none = list.splitOff(2); StoreList all = list.splitOff(0)) {
                assertEquals(0, none.size());
                assertArrayEquals(new long[] {1, 2}, values(all));
                assertEquals(0, list.size());
                list.append(none);
                assertEquals(0, list.size());
                list.append(all);
                assertArrayEquals(new long[] {1, 2}, values(list));
                assertThrows(IllegalArgumentException.class, () -> list.append(list));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharingStores")
    void listsOfTwoSharingSetsDoNotMix(Supplier<SharingStore> kind) {
        try (SharingStore one = kind.get(); SharingStore other = kind.get();
                StoreList a = listOf(one, 1); StoreList b = listOf(other, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.append(b));
            assertTrue(e.getMessage().contains("not members of one sharing set"), e.getMessage());
            assertArrayEquals(new long[] {1}, values(a));
            assertArrayEquals(new long[] {2}, values(b));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharingStores")
    void appendAcrossTwoExplicitMembers(Supplier<SharingStore> kind) {
        try (SharingStore one = kind.get()) {
            SharingStore two = one.share();
            StoreList a = listOf(one, 1, 2);
            StoreList b = listOf(two, 3, 4);
            a.append(b);
            b.close();
            two.close(); // the memory lives on: 'one' is open
            assertArrayEquals(new long[] {1, 2, 3, 4}, values(a));
            a.close(); // frees nodes of both members through 'one'
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharingStores")
    void aDequeModelAgreesAfterManySplitsAndAppends(Supplier<SharingStore> kind) {
        try (SharingStore store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG)) {
            ArrayDeque<Long> model = new ArrayDeque<>();
            java.util.SplittableRandom random = new java.util.SplittableRandom(3);
            for (int step = 0; step < 300; step++) {
                long value = step;
                switch (random.nextInt(5)) {
                    case 0 -> { list.pushFront().set(JAVA_LONG, 0, value); model.addFirst(value); }
                    case 1 -> { list.pushBack().set(JAVA_LONG, 0, value); model.addLast(value); }
                    case 2 -> { if (!model.isEmpty()) { list.popFront(); model.removeFirst(); } }
                    case 3 -> { if (!model.isEmpty()) { list.popBack(); model.removeLast(); } }
                    default -> {
                        int at = random.nextInt(model.size() + 1);
                        try (StoreList rest = list.splitOff(at)) {
                            List<Long> all = List.copyOf(model);
                            assertEquals(all.subList(at, all.size()), boxed(values(rest)));
                            list.append(rest);
                        }
                    }
                }
                assertEquals(List.copyOf(model), boxed(values(list)), "after step " + step);
            }
        }
    }

    static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
