package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** StoreLongMap over every general store: lookups, the key 0, rehashing, capacity promises, close. */
class StoreLongMapTest {

    static Stream<CollectionStores.Kind> stores() {
        return CollectionStores.generalStream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void putThenGetAcrossManyRehashes(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            for (long k = -5_000; k <= 5_000; k++) map.put(k * 7919, k);
            assertEquals(10_001, map.size());
            for (long k = -5_000; k <= 5_000; k++) assertEquals(k, map.get(k * 7919, Long.MIN_VALUE));
            assertEquals(-1, map.get(1, -1), "absent key gives the default");
            assertFalse(map.containsKey(1));
            assertTrue(map.containsKey(0), "key 0 is an ordinary key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theKeyZeroIsStoredLikeAnyOther(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            assertFalse(map.containsKey(0));
            assertEquals(-1, map.get(0, -1));
            map.put(0, 0);
            assertTrue(map.containsKey(0));
            assertEquals(1, map.size());
            map.valueRef(0).set(JAVA_LONG, 0, 5);
            assertEquals(5, map.get(0, -1));
            for (long k = 1; k < 100; k++) map.put(k, k); // rehashes carry key 0 along
            assertEquals(5, map.get(0, -1));
            map.remove(0);
            assertFalse(map.containsKey(0));
            assertEquals(99, map.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void removeKeepsCollidingKeysReachable(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            // Multiples of 2^60 differ only in the top bits: with 16 slots many share a probe run.
            Map<Long, Long> model = new HashMap<>();
            for (long i = 1; i <= 11; i++) {
                map.put(i << 60, i);
                map.put(i, -i);
                model.put(i << 60, i);
                model.put(i, -i);
            }
            for (long i = 1; i <= 11; i += 2) {
                map.remove(i << 60);
                model.remove(i << 60);
                for (Map.Entry<Long, Long> e : model.entrySet()) {
                    assertEquals(e.getValue(), map.get(e.getKey(), 0), "key " + e.getKey() + " after removing " + (i << 60));
                }
                assertEquals(model.size(), map.size());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void putOfAPresentKeyNeverRehashes(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            for (long k = 1; k <= map.capacity(); k++) map.put(k, k);
            long capacity = map.capacity();
            MemorySegment slot = map.valueRef(3);
            for (long k = 1; k <= capacity; k++) map.put(k, -k); // the table is full: a new key would rehash
            assertEquals(capacity, map.capacity());
            assertEquals(-3, slot.get(JAVA_LONG, 0), "the pointer still sees the value: nothing moved");
            map.put(capacity + 1, 0);
            assertTrue(map.capacity() > capacity, "the next new key rehashes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void afterReserveNoPutRehashesUntilTheSizeExceedsIt(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            map.put(42, 1);
            map.reserve(1_000);
            long capacity = map.capacity();
            assertTrue(capacity >= 1_000);
            MemorySegment slot = map.valueRef(42);
            for (long k = 1; map.size() < 1_000; k++) map.put(k * 31, k);
            assertEquals(capacity, map.capacity());
            assertEquals(slot.address(), map.valueRef(42).address(), "no rehash: the value did not move");
            map.reserve(10);
            assertEquals(capacity, map.capacity(), "the table never shrinks");
            assertThrows(IllegalArgumentException.class, () -> map.reserve(-1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void valueRefWritesThroughAndRefusesAbsentKeys(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            map.put(9, 1);
            map.valueRef(9).set(JAVA_LONG, 0, 10);
            assertEquals(10, map.get(9, 0));
            NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> map.valueRef(8));
            assertTrue(e.getMessage().contains("valueRef(8)"), e.getMessage());
            assertThrows(NoSuchElementException.class, () -> map.valueRef(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void clearEmptiesButKeepsTheTable(CollectionStores.Kind kind) {
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            for (long k = 0; k < 100; k++) map.put(k, k);
            long capacity = map.capacity();
            map.clear();
            assertEquals(0, map.size());
            assertEquals(capacity, map.capacity());
            for (long k = 0; k < 100; k++) assertFalse(map.containsKey(k));
            map.put(5, 6);
            assertEquals(6, map.get(5, 0));
        }
    }

    @Test
    void aClosedMapRefusesEveryOperation() {
        try (Store store = new ArenaStore()) {
            StoreLongMap map = StoreLongMap.create(store);
            map.put(1, 1);
            map.close();
            map.close();
            for (Runnable use : new Runnable[] {() -> map.get(1, 0), () -> map.put(1, 2), () -> map.remove(1),
                    () -> map.containsKey(1), map::size, map::clear, () -> map.reserve(5), () -> map.valueRef(1),
                    map::capacity, () -> map.forEach((k, v) -> {})}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
            }
        }
    }

    @Test
    void forEachVisitsEveryEntryOnceAndToStringShowsThem() {
        try (Store store = new ArenaStore(); StoreLongMap map = StoreLongMap.create(store)) {
            Map<Long, Long> model = new HashMap<>();
            for (long k = -3; k <= 3; k++) {
                map.put(k, k * k);
                model.put(k, k * k);
            }
            Map<Long, Long> seen = new HashMap<>();
            map.forEach((k, v) -> assertEquals(null, seen.put(k, v)));
            assertEquals(model, seen);
            assertTrue(map.toString().startsWith("StoreLongMap[size=7"), map.toString());
            assertTrue(map.toString().contains("-3=9"), map.toString());
        }
    }

    @Test
    void aFailedRehashChangesNothing() {
        try (Store store = new ArenaStore(512, 1024); StoreLongMap map = StoreLongMap.create(store)) {
            for (long k = 1; k <= map.capacity(); k++) map.put(k, k);
            long size = map.size();
            assertThrows(StoreExhaustedException.class, () -> map.reserve(100_000));
            assertEquals(size, map.size());
            for (long k = 1; k <= size; k++) assertEquals(k, map.get(k, 0));
        }
    }

    /**
     * The map against java.util.HashMap under many puts and removes of few keys, so that probe
     * chains collide, wrap around the table's end and are shifted back on removal: after every
     * step each key of the key space is where the model says, or absent.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void collidingPutsAndRemovesAgreeWithAHashMap(CollectionStores.Kind kind) {
        java.util.Random random = new java.util.Random(15);
        long[] keys = new long[40];
        for (int i = 0; i < keys.length; i++) keys[i] = i == 0 ? 0 : random.nextLong() | 1;
        Map<Long, Long> model = new HashMap<>();
        try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
            for (int step = 0; step < 1_500; step++) {
                long key = keys[random.nextInt(keys.length)];
                if (random.nextInt(3) == 0) {
                    map.remove(key);
                    model.remove(key);
                } else {
                    map.put(key, step + 1);
                    model.put(key, (long) step + 1);
                }
                assertEquals(model.size(), map.size(), "step " + step);
                assertEquals(model.isEmpty(), map.isEmpty());
                for (long k : keys) {
                    assertEquals(model.containsKey(k), map.containsKey(k), "key " + k + " at step " + step);
                    assertEquals(model.getOrDefault(k, -1L), map.get(k, -1), "key " + k + " at step " + step);
                }
            }
            Map<Long, Long> seen = new HashMap<>();
            map.forEach((k, v) -> seen.put(k, v));
            assertEquals(model, seen, "forEach visits every entry once");
        }
    }

    @Test
    void removingTheZeroKeyClearsItsValueAndKillsItsPointers() {
        try (CheckedStore store = new CheckedStore(new ArenaStore()); StoreLongMap map = StoreLongMap.create(store)) {
            map.put(0, 7);
            MemorySegment ref = map.valueRef(0);
            map.remove(0);
            assertThrows(IllegalStateException.class, () -> ref.get(JAVA_LONG, 0), "a pointer to a removed value is stale");
            assertFalse(map.containsKey(0));
            map.put(0, 8);
            assertEquals(8, map.get(0, -1));
            map.remove(0);
            map.put(0, 0);
            assertEquals(0, map.valueRef(0).get(JAVA_LONG, 0));
        }
    }

    @Test
    void reserveMakesRoomForExactlyThatManyKeys() {
        try (Store store = new ArenaStore(); StoreLongMap map = StoreLongMap.create(store)) {
            long before = map.capacity();
            map.reserve(before);
            assertEquals(before, map.capacity(), "room that is there already: nothing changes");
            map.reserve(before + 1);
            assertTrue(map.capacity() >= before + 1);
            long capacity = map.capacity();
            for (long k = 1; k <= capacity; k++) map.put(k, k);
            assertEquals(capacity, map.capacity(), "filling the reserved room exactly does not rehash");
            map.put(capacity + 1, 0);
            assertTrue(map.capacity() > capacity, "one more does");
        }
    }

    @Test
    void valueRefOfAnAbsentKeyThrowsAndToStringShowsSixteenEntries() {
        try (Store store = new ArenaStore(); StoreLongMap map = StoreLongMap.create(store)) {
            assertThrows(NoSuchElementException.class, () -> map.valueRef(1));
            assertTrue(map.toString().endsWith(", {}]"), "an empty map shows no entries: " + map);
            for (long k = 1; k <= 16; k++) map.put(k, k * 10);
            assertFalse(map.toString().contains("…"), map.toString());
            assertEquals(16, entriesShown(map), map.toString());
            map.put(17, 170);
            assertTrue(map.toString().endsWith(", …}]"), map.toString());
            assertEquals(16, entriesShown(map), "at most sixteen entries are shown: " + map);
        }
    }

    private static long entriesShown(StoreLongMap map) {
        String text = map.toString();
        return text.substring(text.lastIndexOf('{')).chars().filter(c -> c == '=').count();
    }

    /**
     * Keys whose probe starts at the table's first or last slot (found by their hash for the
     * 16-slot table of a new map): a chain that wraps around the end, removals at slot 0, and the
     * entry moved back into the hole.
     */
    @Test
    void probeChainsThatStartAtEitherEndOfTheTableWrapAndShrink() {
        long[] atFirst = keysWithHome(0, 2);
        long[] atLast = keysWithHome(15, 2);
        try (Store store = new ArenaStore(); StoreLongMap map = StoreLongMap.create(store)) {
            map.reserve(0);
            assertEquals(12, map.capacity(), "a new map: 16 slots, 3/4 of them usable");
            map.put(atFirst[0], 1);            // slot 0
            map.put(atLast[0], 2);             // slot 15
            map.put(atLast[1], 3);             // wraps to slot 1 (0 is taken)
            assertEquals(3, map.get(atLast[1], -1));
            assertEquals(1, map.valueRef(atFirst[0]).get(JAVA_LONG, 0), "a key in slot 0 has a value");
            map.remove(atFirst[0]);            // slot 0 empties; the wrapped key moves back into it
            assertFalse(map.containsKey(atFirst[0]));
            assertEquals(3, map.get(atLast[1], -1));
            assertEquals(2, map.get(atLast[0], -1));
            map.remove(atLast[1]);             // now in slot 0
            assertFalse(map.containsKey(atLast[1]));
            assertEquals(1, map.size());
            map.put(atFirst[1], 4);
            assertTrue(map.toString().endsWith("}]") && map.toString().contains(", "), map.toString());
            map.remove(atLast[0]);
            assertTrue(map.toString().endsWith("{" + atFirst[1] + "=4}]"), "one entry, no separator: " + map);
        }
    }

    private static long[] keysWithHome(long slot, int count) {
        long[] keys = new long[count];
        int found = 0;
        for (long k = 1; found < count; k++) {
            if ((k * 0x9E3779B97F4A7C15L) >>> 60 == slot) keys[found++] = k;
        }
        return keys;
    }
}
