package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Crash-proof: any sequence of calls, with any {@code long} arguments — live, freed and other
 * stores' handles, wild values, {@code Long.MIN_VALUE}/{@code MAX_VALUE} sizes, absurd alignments —
 * on any store that is not restricted (raw and checked), and on the restricted {@link GlobalStore}
 * behind a {@link CheckedStore}, either does what it documents or throws a
 * {@link RuntimeException}; the data of every live allocation stays intact, and a store that tracks
 * its allocations refuses every handle that is not live.
 *
 * <p>This class is not run by surefire directly (its name does not end in {@code Test}): a JVM crash
 * here must fail a test, not kill the build, so {@link CrashProofTest} runs it in a child JVM.
 */
class StoreCrashProperties {

    /**
     * A store to attack. {@code tracksHandles}: every non-live handle must be refused by resolve.
     * {@code tracksAllocations}: a free, grow or shrink of a non-live handle, or with a size that is
     * not the allocation's (beyond what the store documents it rounds to), must be refused, so what
     * such a call returns is an allocation the model owns (and checks against every other).
     */
    record Kind(String name, Supplier<Store> factory, boolean tracksHandles, boolean tracksAllocations) {
        Kind(String name, Supplier<Store> factory, boolean tracksHandles) {
            this(name, factory, tracksHandles, tracksHandles);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    enum Action { ALLOCATE, ALLOCATE_ZEROED, DEALLOCATE, RESOLVE, GROW, GROW_ZEROED, SHRINK }

    /** Where the handle of an operation comes from. */
    enum Target { LIVE, FREED, FOREIGN, WILD }

    record Op(Action action, Target target, int pick, long size, long newSize, long alignment,
            boolean exactLayout, long wild) {}

    /** An allocation the model knows is live, with the byte it is filled with. */
    record Live(long handle, long size, long alignment, byte fill) {}

    private static final long LIMIT = 16L << 20; // every store is capped: adversarial sizes must not eat the machine

    static List<Kind> kinds() {
        List<Kind> raw = List.of(
                // The arena's record refuses stale handles and wrong sizes in free, grow and shrink, not in resolve.
                new Kind("ArenaStore", () -> new ArenaStore(256, LIMIT), false, true),
                new Kind("SlabStore", () -> new SlabStore(256, 16, 4096), true),
                new Kind("GrowableStore", () -> new GrowableStore(64, LIMIT), true),
                new Kind("InlineStore", () -> new InlineStore(256), true),
                new Kind("SmallStore(Arena)", () -> new SmallStore(32, new ArenaStore(256, LIMIT)), false, true),
                new Kind("SmallStore(Slab)", () -> new SmallStore(32, new SlabStore(512, 16, 4096)), true),
                new Kind("SharedArenaStore", () -> new SharedArenaStore(256, LIMIT), false, true));
        List<Kind> all = new ArrayList<>(raw);
        for (Kind kind : raw) {
            all.add(new Kind("Checked " + kind.name, () -> new CheckedStore(kind.factory.get()), true));
        }
        all.add(new Kind("Checked GlobalStore", () -> new CheckedStore(new GlobalStore()), true));
        return all;
    }

    @Provide
    Arbitrary<Kind> kind() {
        return Arbitraries.of(kinds());
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Long> smallSize = Arbitraries.longs().between(0, 300);
        Arbitrary<Long> badSize = Arbitraries.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 2,
                1L << 40, 1L << 41, 1L << 62, 4096L, 65_536L, LIMIT + 1);
        Arbitrary<Long> size = Arbitraries.frequencyOf(Tuple.of(6, smallSize), Tuple.of(1, badSize));
        Arbitrary<Long> alignment = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(1L, 2L, 4L, 8L, 16L)),
                Tuple.of(1, Arbitraries.of(0L, -1L, 3L, 64L, 4096L, 1L << 40, 1L << 41, 1L << 62,
                        Long.MIN_VALUE)));
        Arbitrary<Long> wild = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.of(0L, 1L, -1L, 8L, 4096L, Long.MIN_VALUE, Long.MAX_VALUE,
                        1L << 62, (1L << 62) | 8, 1L << 40, 1L << 56, 0x7f00_0000_0000L)));
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.frequency(Tuple.of(4, Action.ALLOCATE), Tuple.of(1, Action.ALLOCATE_ZEROED),
                        Tuple.of(3, Action.DEALLOCATE), Tuple.of(3, Action.RESOLVE), Tuple.of(2, Action.GROW),
                        Tuple.of(1, Action.GROW_ZEROED), Tuple.of(2, Action.SHRINK)),
                Arbitraries.frequency(Tuple.of(4, Target.LIVE), Tuple.of(2, Target.FREED),
                        Tuple.of(1, Target.FOREIGN), Tuple.of(1, Target.WILD)),
                Arbitraries.integers().between(0, 1000),
                size, size, alignment,
                Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)),
                wild).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 800)
    void anyCallEitherWorksOrThrowsAndLiveDataStaysIntact(@ForAll("kind") Kind kind,
            @ForAll("operations") List<Op> ops) {
        try (Store store = kind.factory.get(); Store other = kind.factory.get()) {
            Model model = new Model(kind, store, other);
            for (Op op : ops) {
                model.apply(op);
                model.verifyLiveData(op);
            }
            model.verifyCloseEndsEverything();
        }
    }

    /** What the store must still hold, and the handles it must refuse. */
    static final class Model {
        final Kind kind;
        final Store store;
        final boolean multiple;
        final List<Live> live = new ArrayList<>();
        final List<Live> freed = new ArrayList<>();
        final List<Long> foreign = new ArrayList<>();
        byte nextFill = 1;

        Model(Kind kind, Store store, Store other) {
            this.kind = kind;
            this.store = store;
            this.multiple = Guarantees.of(store).multiple();
            for (int i = 0; i < 3 && (i == 0 || Guarantees.of(other).multiple()); i++) {
                foreign.add(other.allocate(8 + 8L * i, 8));
            }
        }

        void apply(Op op) {
            Live target = switch (op.target()) {
                case LIVE -> live.isEmpty() ? null : live.get(op.pick() % live.size());
                case FREED -> freed.isEmpty() ? null : freed.get(op.pick() % freed.size());
                default -> null;
            };
            long handle = target != null ? target.handle()
                    : op.target() == Target.FOREIGN ? foreign.get(op.pick() % foreign.size()) : op.wild();
            boolean exact = target != null && op.exactLayout();
            long oldSize = exact ? target.size() : op.size();
            long alignment = exact ? target.alignment() : op.alignment();
            boolean valid = target != null && op.target() == Target.LIVE && op.exactLayout();
            boolean handleIsLive = live.stream().anyMatch(l -> l.handle() == handle);
            // A freed handle's value can come back for a new allocation (an arena that rewinds and
            // reissues the same offset): the layout that counts is the live allocation's, not the freed one's.
            boolean liveLayout = live.stream().anyMatch(l -> l.handle() == handle && l.size() == oldSize && l.alignment() == alignment);
            try {
                switch (op.action()) {
                    case ALLOCATE, ALLOCATE_ZEROED -> {
                        long h = op.action() == Action.ALLOCATE ? store.allocate(op.size(), op.alignment())
                                : store.allocateZeroed(op.size(), op.alignment());
                        // Allocating again reuses the memory; a zero-byte (dangling) allocation does not, but
                        // a CheckedStore applies the invalidation table to it all the same.
                        if (!multiple && (op.size() > 0 || store instanceof CheckedStore)) {
                            freed.addAll(live);
                            live.clear();
                        }
                        if (op.size() > 0) {
                            if (op.action() == Action.ALLOCATE_ZEROED) {
                                requireFilled(store.resolve(h, op.size()), (byte) 0, "allocateZeroed");
                            }
                            adopt(h, op.size(), op.alignment());
                        }
                    }
                    case DEALLOCATE -> {
                        store.deallocate(handle, oldSize, alignment);
                        requireRefusedUnlessLive(handleIsLive, oldSize, op);
                        if (oldSize > 0) { // a zero-size deallocate is the dangling handle's: it frees nothing
                            forget(handle);
                        }
                    }
                    case RESOLVE -> {
                        long bytes = target != null && op.target() == Target.LIVE && op.exactLayout()
                                ? Math.min(op.size(), target.size()) : op.size();
                        MemorySegment p = store.resolve(handle, bytes);
                        if (p.byteSize() != bytes) {
                            throw new AssertionError("resolve gave " + p.byteSize() + " bytes, asked " + bytes);
                        }
                        if (!handleIsLive && bytes > 0 && kind.tracksHandles) {
                            throw new AssertionError(kind + " resolved a " + op.target() + " handle "
                                    + Checks.hex(handle) + " (" + bytes + " bytes)");
                        }
                        if (bytes > 0) { // reading must never crash, whatever the store let through
                            p.get(JAVA_BYTE, 0);
                            p.get(JAVA_BYTE, bytes - 1);
                        }
                    }
                    case GROW, GROW_ZEROED, SHRINK -> {
                        long h = switch (op.action()) {
                            case GROW -> store.grow(handle, oldSize, op.newSize(), alignment);
                            case GROW_ZEROED -> store.growZeroed(handle, oldSize, op.newSize(), alignment);
                            default -> store.shrink(handle, oldSize, op.newSize(), alignment);
                        };
                        requireRefusedUnlessLive(handleIsLive, oldSize, op);
                        byte kept = target != null && op.target() == Target.LIVE ? target.fill() : 0;
                        if (oldSize > 0) { // from zero bytes, the handle is the dangling one's: it stays as it was
                            forget(handle);
                        }
                        // From zero to zero bytes nothing is allocated (a dangling handle), which a raw
                        // store that is not @Multiple does not count as an allocation (seed
                        // 5222888142441279756: InlineStore, grow(0, 0, 0) then a free of the live handle).
                        if (!multiple && (oldSize > 0 || op.newSize() > 0 || store instanceof CheckedStore)) {
                            freed.addAll(live);
                            live.clear();
                        }
                        // A store that does not track its allocations would trust the handle and sizes it
                        // is given (within its own memory): after a stale handle or a wrong size, what it
                        // returned would not be an allocation the model can own. Every store here tracks
                        // them now, so a wrong size that one let through shows up as an overlap.
                        boolean owned = oldSize == 0
                                || handleIsLive && (liveLayout || kind.tracksAllocations);
                        if (op.newSize() > 0 && owned) {
                            if (valid) { // the old contents survive, up to the smaller size
                                requireFilled(store.resolve(h, Math.min(oldSize, op.newSize())), kept,
                                        op.action() + " kept contents");
                                if (op.action() == Action.GROW_ZEROED && op.newSize() > oldSize) {
                                    requireFilled(store.resolve(h, op.newSize()).asSlice(oldSize), (byte) 0,
                                            "growZeroed");
                                }
                            }
                            adopt(h, op.newSize(), alignment);
                        }
                    }
                }
            } catch (RuntimeException expected) {
                if (valid && op.action() == Action.RESOLVE && op.size() >= 0) {
                    throw new AssertionError(kind + ": resolving a live handle within its size failed", expected);
                }
                if (valid && op.action() == Action.DEALLOCATE) {
                    throw new AssertionError(kind + ": freeing a live handle with its layout failed", expected);
                }
                // Any other failure is the store refusing bad input: it must have changed nothing,
                // which verifyLiveData checks next.
            }
        }

        /** A successful free-like call on a live handle ends it, whatever else it was given. */
        private void forget(long handle) {
            for (Live l : List.copyOf(live)) {
                if (l.handle() == handle) {
                    live.remove(l);
                    freed.add(l);
                }
            }
        }

        /** A store that tracks its handles must refuse a free, grow or shrink of a handle that is not live. */
        private void requireRefusedUnlessLive(boolean handleIsLive, long oldSize, Op op) {
            if (!handleIsLive && oldSize > 0 && kind.tracksAllocations) {
                throw new AssertionError(kind + " accepted " + op + " on a handle that is not live");
            }
        }

        private void adopt(long handle, long size, long alignment) {
            MemorySegment p = store.resolve(handle, size);
            byte fill = nextFill++;
            if (fill == 0) {
                fill = nextFill++;
            }
            p.fill(fill);
            live.removeIf(l -> l.handle() == handle);
            live.add(new Live(handle, size, alignment, fill));
        }

        void verifyLiveData(Op after) {
            for (Live l : live) {
                MemorySegment p;
                try {
                    p = store.resolve(l.handle(), l.size());
                } catch (RuntimeException e) {
                    throw new AssertionError(kind + ": live " + l + " no longer resolves after " + after, e);
                }
                requireFilled(p, l.fill(), "live " + l + " after " + after);
            }
        }

        void verifyCloseEndsEverything() {
            store.close();
            for (Live l : live) {
                try {
                    store.resolve(l.handle(), l.size()).get(JAVA_BYTE, 0);
                } catch (RuntimeException expected) {
                    continue;
                }
                throw new AssertionError(kind + ": " + l + " still readable after close");
            }
        }

        private void requireFilled(MemorySegment p, byte fill, String what) {
            for (long i = 0; i < p.byteSize(); i++) {
                byte b = p.get(JAVA_BYTE, i);
                if (b != fill) {
                    throw new AssertionError(kind + ": " + what + ": byte " + i + " is " + b + ", expected " + fill);
                }
            }
        }
    }
}
