package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of operations on every store, raw and wrapped in a {@link CheckedStore}: data
 * written to live allocations always reads back intact, live allocations never overlap and are
 * aligned as asked, and an operation the store cannot do (too big, too aligned) throws and changes
 * nothing.
 */
class RandomOperationsTest {

    enum Kind { ALLOCATE, ALLOCATE_ZEROED, DEALLOCATE, GROW, GROW_ZEROED, SHRINK, COMPACT }

    /** One step; {@code pick} chooses a live allocation, {@code size} and {@code alignmentLog} a layout. */
    record Step(Kind kind, int pick, int size, int alignmentLog) {}

    /** An allocation the model knows is live, and the seed of the bytes written to it. */
    static final class Live {
        long handle;
        long size;
        final long alignment;
        final int seed;

        Live(long handle, long size, long alignment, int seed) {
            this.handle = handle;
            this.size = size;
            this.alignment = alignment;
            this.seed = seed;
        }

        @Override
        public String toString() {
            return Checks.hex(handle) + "/" + size + "/" + alignment;
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 6)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    /** Each sample runs on every store, raw and checked. */
    @Property(tries = 300)
    void liveDataStaysIntactAndAllocationsNeverOverlap(@ForAll("steps") List<Step> steps) {
        for (InvalidationTableTest.StoreUnderTest sut : StoreFactories.withGuarantees()) {
            run(sut, false, steps);
            run(sut, true, steps);
        }
    }

    private static void run(InvalidationTableTest.StoreUnderTest sut, boolean checked, List<Step> steps) {
        Supplier<Store> factory = sut.factory();
        Store store = checked ? new CheckedStore(factory.get()) : factory.get();
        boolean multiple = sut.guarantees().multiple();
        List<Live> live = new ArrayList<>();
        int seed = 0;
        try {
            for (Step step : steps) {
                long size = step.size();
                long alignment = 1L << step.alignmentLog();
                switch (step.kind()) {
                    case ALLOCATE, ALLOCATE_ZEROED -> {
                        boolean zeroed = step.kind() == Kind.ALLOCATE_ZEROED;
                        long handle;
                        try {
                            handle = zeroed ? store.allocateZeroed(size, alignment) : store.allocate(size, alignment);
                        } catch (IllegalArgumentException | StoreExhaustedException e) {
                            expectRefusal(store, sut, size, alignment, e);
                            break;
                        }
                        // A raw InlineStore hands out a dangling handle for 0 bytes and keeps its
                        // allocation; the checked store applies the table to every allocate.
                        if (!multiple && (checked || size > 0)) {
                            for (Live dead : live) { // allocating again reused the memory
                                if (dead.size == 0) continue; // a dangling handle: nothing to reuse
                                assertThrows(StaleHandleException.class, () -> store.resolve(dead.handle, dead.size));
                            }
                            live.clear();
                        }
                        if (zeroed) {
                            assertZero(store.resolve(handle, size), 0, size);
                        }
                        Live allocation = new Live(handle, size, alignment, ++seed);
                        fill(store, allocation, 0);
                        live.add(allocation);
                    }
                    case DEALLOCATE -> {
                        if (live.isEmpty()) break;
                        Live victim = live.remove(step.pick() % live.size());
                        store.deallocate(victim.handle, victim.size, victim.alignment);
                        forgetOthers(store, checked, multiple, live, victim);
                    }
                    case GROW, GROW_ZEROED -> {
                        if (live.isEmpty()) break;
                        Live target = live.get(step.pick() % live.size());
                        long newSize = target.size + size;
                        boolean zeroed = step.kind() == Kind.GROW_ZEROED;
                        long grown;
                        try {
                            grown = zeroed ? store.growZeroed(target.handle, target.size, newSize, target.alignment)
                                    : store.grow(target.handle, target.size, newSize, target.alignment);
                        } catch (IllegalArgumentException | StoreExhaustedException e) {
                            expectRefusal(store, sut, newSize, target.alignment, e);
                            break;
                        }
                        if (zeroed) {
                            assertZero(store.resolve(grown, newSize), target.size, newSize);
                        }
                        forgetOthers(store, checked, multiple, live, target);
                        long oldSize = target.size;
                        target.handle = grown;
                        target.size = newSize;
                        check(store, target, oldSize); // the old contents moved along
                        fill(store, target, oldSize);
                    }
                    case SHRINK -> {
                        if (live.isEmpty()) break;
                        Live target = live.get(step.pick() % live.size());
                        long newSize = target.size == 0 ? 0 : size % (target.size + 1);
                        target.handle = store.shrink(target.handle, target.size, newSize, target.alignment);
                        target.size = newSize;
                        forgetOthers(store, checked, multiple, live, target);
                    }
                    case COMPACT -> {
                        if (store instanceof CompactingStore compacting) {
                            compacting.compact();
                        }
                    }
                }
                for (Live allocation : live) {
                    check(store, allocation, allocation.size);
                }
                checkNoOverlapAndAligned(store, live);
            }
            if (store instanceof CheckedStore checkedStore) {
                assertEquals(live.stream().filter(l -> l.size > 0).count(), checkedStore.outstanding().size(),
                        "the checked store tracks exactly the live allocations");
            }
            for (Live allocation : live) {
                store.deallocate(allocation.handle, allocation.size, allocation.alignment);
            }
            if (store instanceof CheckedStore checkedStore) {
                assertEquals(List.of(), checkedStore.outstanding());
            }
        } finally {
            store.close();
        }
    }

    /**
     * On a store that is not {@code @Multiple}, deallocate, grow and shrink make every other handle
     * stale (docs/store-model.md): the checked store must say so; the model forgets them either way.
     */
    private static void forgetOthers(Store store, boolean checked, boolean multiple, List<Live> live, Live kept) {
        if (multiple) {
            return;
        }
        for (Live other : List.copyOf(live)) {
            if (other != kept) {
                if (checked && other.size > 0) {
                    assertThrows(StaleHandleException.class, () -> store.resolve(other.handle, other.size));
                }
                live.remove(other);
            }
        }
    }

    /** The store refused an operation: only where its documented limits say it may, and it changed nothing. */
    private static void expectRefusal(Store store, InvalidationTableTest.StoreUnderTest sut, long size,
            long alignment, RuntimeException refusal) {
        boolean mayRefuse = switch (sut.name()) {
            case "SlabStore" -> size > 4096 || alignment > 16;
            case "InlineStore" -> size > 4096 || alignment > InlineStore.MAX_ALIGNMENT;
            default -> false;
        };
        if (!mayRefuse) {
            fail(sut.name() + " refused " + size + " bytes aligned " + alignment, refusal);
        }
    }

    private static byte pattern(int seed, long index) {
        return (byte) (seed * 31 + index * 7);
    }

    private static void fill(Store store, Live allocation, long from) {
        MemorySegment memory = store.resolve(allocation.handle, allocation.size);
        for (long i = from; i < allocation.size; i++) {
            memory.set(JAVA_BYTE, i, pattern(allocation.seed, i));
        }
    }

    private static void check(Store store, Live allocation, long upTo) {
        MemorySegment memory = store.resolve(allocation.handle, allocation.size);
        for (long i = 0; i < upTo; i++) {
            if (memory.get(JAVA_BYTE, i) != pattern(allocation.seed, i)) {
                fail("byte " + i + " of " + allocation + " in " + store + " was overwritten");
            }
        }
    }

    private static void assertZero(MemorySegment memory, long from, long to) {
        for (long i = from; i < to; i++) {
            assertEquals(0, memory.get(JAVA_BYTE, i), "byte " + i + " of zeroed memory");
        }
    }

    private static void checkNoOverlapAndAligned(Store store, List<Live> live) {
        record Region(long start, long end, boolean heap, Live owner) {}
        List<Region> regions = new ArrayList<>();
        for (Live allocation : live) {
            if (allocation.size == 0) continue;
            MemorySegment memory = store.resolve(allocation.handle, allocation.size);
            if (memory.isNative()) {
                assertEquals(0, memory.address() % allocation.alignment, "alignment of " + allocation);
            }
            regions.add(new Region(memory.address(), memory.address() + allocation.size, !memory.isNative(), allocation));
        }
        regions.sort(Comparator.comparing(Region::heap).thenComparingLong(Region::start));
        for (int i = 1; i < regions.size(); i++) {
            Region a = regions.get(i - 1);
            Region b = regions.get(i);
            if (a.heap() == b.heap()) {
                assertTrue(a.end() <= b.start(), a.owner() + " overlaps " + b.owner() + " in " + store);
            }
        }
    }
}
