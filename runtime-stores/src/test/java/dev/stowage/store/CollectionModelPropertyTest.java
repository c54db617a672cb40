package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each collection against a plain Java model over random operation sequences, on every store kind
 * (raw and wrapped in a {@link CheckedStore}, so a stale pointer inside a collection would throw):
 * {@code StoreVec} against {@code ArrayList<Long>}, {@code StoreLongMap} against
 * {@code HashMap<Long, Long>}, {@code StoreList} against {@code ArrayDeque<Long>} (with splitOff and
 * append on the sharing stores). After every step the whole content is compared.
 */
class CollectionModelPropertyTest {

    /** One step: what to do, a small number (an index, a count) and a value or key. */
    record Step(int kind, int small, long value) {
        @Override
        public String toString() {
            return kind + "/" + small + "/" + value;
        }
    }

    static Arbitrary<List<Step>> steps(int kinds, Arbitrary<Long> values) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, kinds - 1),
                        Arbitraries.integers().between(0, 40),
                        values)
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(80);
    }

    // ---- StoreVec vs ArrayList ----

    @Provide
    Arbitrary<List<Step>> vecSteps() {
        return steps(11, Arbitraries.longs());
    }

    @Property(tries = 120)
    void storeVecBehavesLikeAnArrayList(@ForAll("vecSteps") List<Step> steps) {
        for (CollectionStores.Kind kind : CollectionStores.general()) {
            try (Store store = kind.get(); Store other = new ArenaStore()) {
                StoreVec vec = StoreVec.ofLongs(store);
                List<Long> model = new ArrayList<>();
                for (Step step : steps) {
                    int n = model.size();
                    switch (step.kind()) {
                        case 0, 1 -> { vec.pushLong(step.value()); model.add(step.value()); }
                        case 2 -> {
                            long[] run = {step.value(), step.value() + 1, step.value() + 2, step.value() + 3};
                            int count = step.small() % 4;
                            vec.pushLongs(run, 4 - count, count);
                            for (int i = 4 - count; i < 4; i++) model.add(run[i]);
                            if (model.size() >= 2) {
                                long[] back = new long[2];
                                vec.getLongs(model.size() - 2, back, 0, 2);
                                assertEquals(model.get(model.size() - 2), back[0]);
                                assertEquals(model.getLast(), back[1]);
                            }
                        }
                        case 3 -> {
                            int at = step.small() % (n + 1);
                            vec.insertLong(at, step.value());
                            model.add(at, step.value());
                        }
                        case 4 -> { if (n > 0) { int at = step.small() % n; vec.remove(at); model.remove(at); } }
                        case 5 -> { if (n > 0) { int at = step.small() % n; vec.setLong(at, step.value()); model.set(at, step.value()); } }
                        case 6 -> {
                            int to = step.small();
                            vec.truncate(to);
                            while (model.size() > to) model.removeLast();
                        }
                        case 7 -> {
                            vec.reserve(step.small());
                            assertTrue(vec.capacity() >= model.size() + step.small(), "reserve promise");
                        }
                        case 8 -> { vec.shrinkToFit(); assertEquals(model.size(), vec.capacity()); }
                        case 9 -> {
                            if (step.small() < 3) { vec.clear(); model.clear(); }
                            else if (n > 0) {
                                MemorySegmentCheck.write(vec.get(n - 1), step.value());
                                model.set(n - 1, step.value());
                            }
                        }
                        default -> {
                            // move to the other store and back: contents survive both moves
                            vec = vec.moveTo(other).moveTo(store);
                        }
                    }
                    assertEquals(model.size(), vec.size(), kind + " size after " + step);
                    assertTrue(vec.capacity() >= vec.size());
                    for (int i = 0; i < model.size(); i++) {
                        assertEquals((long) model.get(i), vec.getLong(i), kind + " element " + i + " after " + step);
                    }
                }
                vec.close();
            }
        }
    }

    // ---- StoreLongMap vs HashMap ----

    @Provide
    Arbitrary<List<Step>> mapSteps() {
        // few distinct keys, so puts hit present keys and removes hit; 0, negatives and keys that
        // differ only in their top bits (which share probe runs) included
        Arbitrary<Long> keys = Arbitraries.oneOf(
                Arbitraries.longs().between(-20, 20),
                Arbitraries.longs().between(1, 15).map(k -> k << 59),
                Arbitraries.longs());
        return steps(8, keys);
    }

    @Property(tries = 120)
    void storeLongMapBehavesLikeAHashMap(@ForAll("mapSteps") List<Step> steps) {
        for (CollectionStores.Kind kind : CollectionStores.general()) {
            try (Store store = kind.get(); StoreLongMap map = StoreLongMap.create(store)) {
                Map<Long, Long> model = new HashMap<>();
                for (Step step : steps) {
                    long key = step.value();
                    long value = step.small() * 1_000_003L - key;
                    switch (step.kind()) {
                        case 0, 1, 2 -> {
                            long capacity = map.capacity();
                            boolean present = model.containsKey(key);
                            map.put(key, value);
                            model.put(key, value);
                            if (present || map.size() <= capacity) {
                                assertEquals(capacity, map.capacity(), "no rehash for a present key or within the capacity");
                            }
                        }
                        case 3, 4 -> { map.remove(key); model.remove(key); }
                        case 5 -> {
                            long reserved = model.size() + step.small();
                            map.reserve(reserved);
                            assertTrue(map.capacity() >= reserved, "reserve promise");
                        }
                        case 6 -> {
                            if (model.containsKey(key)) {
                                MemorySegmentCheck.write(map.valueRef(key), value);
                                model.put(key, value);
                            }
                        }
                        default -> { if (step.small() < 4) { map.clear(); model.clear(); } }
                    }
                    assertEquals(model.size(), map.size(), kind + " size after " + step);
                    assertEquals(model.containsKey(key), map.containsKey(key));
                    for (Map.Entry<Long, Long> e : model.entrySet()) {
                        assertEquals((long) e.getValue(), map.get(e.getKey(), ~e.getValue()), kind + " key " + e.getKey() + " after " + step);
                    }
                    Map<Long, Long> seen = new HashMap<>();
                    map.forEach(seen::put);
                    assertEquals(model, seen, kind + " entries after " + step);
                }
            }
        }
    }

    // ---- StoreList vs ArrayDeque ----

    @Provide
    Arbitrary<List<Step>> listSteps() {
        return steps(8, Arbitraries.longs());
    }

    @Property(tries = 120)
    void storeListBehavesLikeAnArrayDeque(@ForAll("listSteps") List<Step> steps) {
        List<CollectionStores.Kind> kinds = new ArrayList<>(CollectionStores.nodeStores());
        for (CollectionStores.Kind kind : kinds) {
            try (Store store = kind.get(); StoreList list = StoreList.create(store, JAVA_LONG)) {
                boolean sharing = Guarantees.of(store).shared();
                ArrayDeque<Long> model = new ArrayDeque<>();
                for (Step step : steps) {
                    switch (step.kind()) {
                        case 0, 1 -> { MemorySegmentCheck.write(list.pushFront(), step.value()); model.addFirst(step.value()); }
                        case 2, 3 -> { MemorySegmentCheck.write(list.pushBack(), step.value()); model.addLast(step.value()); }
                        case 4 -> { if (!model.isEmpty()) { list.popFront(); model.removeFirst(); } }
                        case 5 -> { if (!model.isEmpty()) { list.popBack(); model.removeLast(); } }
                        case 6 -> {
                            if (!model.isEmpty()) {
                                assertEquals((long) model.getFirst(), list.front().get(JAVA_LONG, 0));
                                assertEquals((long) model.getLast(), list.back().get(JAVA_LONG, 0));
                            }
                        }
                        default -> {
                            if (!sharing) break;
                            int at = step.small() % (model.size() + 1);
                            try (StoreList rest = list.splitOff(at)) {
                                assertEquals(at, list.size());
                                assertEquals(model.size() - at, rest.size());
                                MemorySegmentCheck.write(rest.pushFront(), step.value()); // work on the split-off half
                                list.append(rest);
                            }
                            List<Long> all = new ArrayList<>(model);
                            all.add(at, step.value());
                            model = new ArrayDeque<>(all);
                        }
                    }
                    assertEquals(model.size(), list.size(), kind + " size after " + step);
                    int i = 0;
                    for (long expected : model) {
                        assertEquals(expected, list.get(i++).get(JAVA_LONG, 0), kind + " element " + (i - 1) + " after " + step);
                    }
                }
            }
        }
    }

    /** Writes through a pointer a collection returned (the pointer must be live). */
    static final class MemorySegmentCheck {
        private MemorySegmentCheck() {}

        static void write(java.lang.foreign.MemorySegment pointer, long value) {
            pointer.set(JAVA_LONG, 0, value);
        }
    }
}
