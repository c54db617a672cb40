package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.assertFindings;

import org.junit.jupiter.api.Test;

/** One small program per rule and construct: the bug is reported at its line, the safe twin is not. */
class RulesTest {

    /** Wraps a method body in a class with the imports every case needs; the body starts on line 6. */
    static String body(String methods) {
        return """
                package app;
                import lib.*; import dev.stowage.qual.Invalidates;
                import java.lang.foreign.MemorySegment;
                import static java.lang.foreign.ValueLayout.JAVA_LONG;
                class Test {
                """ + methods + "}\n";
    }

    // ---------------------------------------------------------------- pointer.stale

    @Test
    void pointerUsedAfterGrowIsStale() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:10");
    }

    @Test
    void pointerResolvedAgainAfterGrowIsFine() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        p = store.resolve(h, 32);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void pointerNeverUsedAfterGrowIsFine() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        p.set(JAVA_LONG, 0, 1);
                        h = store.grow(h, 16, 32, 8);
                    }
                """));
    }

    @Test
    void allocateOnUnstableStoreKillsOtherPointers() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Growable();
                        long a = store.allocate(16, 8);
                        MemorySegment p = store.resolve(a, 16);
                        long b = store.allocate(16, 8);
                        p.set(JAVA_LONG, 0, 1);
                        store.resolve(a, 16);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void allocateOnStableStoreKeepsOtherPointers() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Arena();
                        long a = store.allocate(16, 8);
                        MemorySegment p = store.resolve(a, 16);
                        long b = store.allocate(16, 8);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void stableParameterKeepsOtherPointers() {
        assertFindings(body("""
                    @Invalidates("#1") void run(@dev.stowage.qual.Stable MiniStore store) {
                        long a = store.allocate(16, 8);
                        MemorySegment p = store.resolve(a, 16);
                        long b = store.allocate(16, 8);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void freeingOneHandleKillsItsPointersEvenOnAStableStore() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Arena();
                        long a = store.allocate(16, 8);
                        long b = store.allocate(16, 8);
                        MemorySegment pa = store.resolve(a, 16);
                        MemorySegment pb = store.resolve(b, 16);
                        store.deallocate(a, 16, 8);
                        pb.set(JAVA_LONG, 0, 1);
                        pa.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:14");
    }

    @Test
    void compactRelocatesUnpinnedStore() {
        assertFindings(body("""
                    void run() {
                        Growable store = new Growable();
                        long a = store.allocate(16, 8);
                        MemorySegment p = store.resolve(a, 16);
                        store.compact();
                        p.get(JAVA_LONG, 0);
                        store.resolve(a, 16);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void copyOfAPointerIsStaleToo() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        MemorySegment q = p;
                        h = store.grow(h, 16, 32, 8);
                        q.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void sliceOfAPointerIsStaleToo() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment q = store.resolve(h, 16).asSlice(8);
                        MemorySegment p = store.resolve(h, 16);
                        MemorySegment r = p.asSlice(8);
                        h = store.grow(h, 16, 32, 8);
                        r.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:12");
    }

    @Test
    void passingAStalePointerIsAUse() {
        assertFindings(body("""
                    static void consume(MemorySegment s) {}
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        consume(p);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void returningAStalePointerIsAUse() {
        assertFindings(body("""
                    @dev.stowage.qual.Resolves("#1")
                    @Invalidates("#1") MemorySegment run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        return p;
                    }
                """), "pointer.stale:11");
    }

    // ---------------------------------------------------------------- handle.stale

    @Test
    void handleUsedAfterGrowIsStale() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        long h2 = store.grow(h, 16, 32, 8);
                        store.resolve(h, 32);
                    }
                """), "handle.stale:9");
    }

    @Test
    void handleReturnedByGrowIsFine() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        long h2 = store.grow(h, 16, 32, 8);
                        store.resolve(h2, 32);
                    }
                """));
    }

    @Test
    void doubleFreeIsAStaleHandle() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        store.deallocate(h, 16, 8);
                        store.deallocate(h, 16, 8);
                    }
                """), "handle.stale:9");
    }

    @Test
    void allocateOnSingleStoreKillsOtherHandles() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Inline();
                        long a = store.allocate(16, 8);
                        long b = store.allocate(16, 8);
                        store.resolve(b, 16);
                        store.resolve(a, 16);
                    }
                """), "handle.stale:11");
    }

    @Test
    void allocateOnMultipleStoreKeepsOtherHandles() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Growable();
                        long a = store.allocate(16, 8);
                        long b = store.allocate(16, 8);
                        store.resolve(a, 16);
                    }
                """));
    }

    @Test
    void handleUsedAfterCloseIsStale() {
        assertFindings(body("""
                    static void keep(long h) {}
                    void run() {
                        MiniStore store = new Arena();
                        long h = store.allocate(16, 8);
                        store.close();
                        keep(h);
                    }
                """), "handle.stale:11");
    }

    // ---------------------------------------------------------------- store.closed, use.after.move

    @Test
    void storeUsedAfterCloseIsClosed() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Arena();
                        store.close();
                        store.allocate(16, 8);
                    }
                """), "store.closed:9");
    }

    @Test
    void tryWithResourcesClosesAtTheEndOnly() {
        assertFindings(body("""
                    void run() {
                        try (MiniStore store = new Arena()) {
                            long h = store.allocate(16, 8);
                            store.resolve(h, 16).set(JAVA_LONG, 0, 1);
                        }
                    }
                """));
    }

    @Test
    void aliasOfAClosedStoreIsClosed() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Arena();
                        MiniStore other = store;
                        store.close();
                        other.allocate(16, 8);
                    }
                """), "store.closed:10");
    }

    @Test
    void boxUsedAfterMoveIsUseAfterMove() {
        assertFindings(body("""
                    @Invalidates("#1") @Invalidates("#2") void run(MiniStore a, MiniStore b) {
                        Box box = Box.allocate(a, 8);
                        Box moved = box.moveTo(b);
                        box.get();
                        moved.get();
                    }
                """), "use.after.move:9");
    }

    @Test
    void boxUsedAfterItsStoreClosedIsClosed() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Arena();
                        Box box = Box.allocate(store, 8);
                        store.close();
                        box.get();
                    }
                """), "store.closed:10");
    }

    // ---------------------------------------------------------------- collections

    @Test
    void vecPointerStaleAfterPush() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        Vec vec = Vec.create(store);
                        MemorySegment first = vec.get(0);
                        vec.pushLong(1);
                        first.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:10");
    }

    @Test
    void vecPointerStaleAfterTruncate() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        Vec vec = Vec.create(store);
                        MemorySegment first = vec.get(0);
                        vec.truncate(0);
                        first.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:10");
    }

    @Test
    void vecPointerDiesWhenItsUnstableStoreAllocates() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Growable();
                        Vec vec = Vec.create(store);
                        MemorySegment first = vec.get(0);
                        long h = store.allocate(8, 8);
                        first.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void vecPointerSurvivesAllocationOnAStableStore() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Arena();
                        Vec vec = Vec.create(store);
                        MemorySegment first = vec.get(0);
                        long h = store.allocate(8, 8);
                        first.get(JAVA_LONG, 0);
                    }
                """));
    }

    @Test
    void pushOnVecKillsPointersOfOtherAllocationsOfAnUnstableStore() {
        assertFindings(body("""
                    void run() {
                        MiniStore store = new Growable();
                        long h = store.allocate(8, 8);
                        MemorySegment p = store.resolve(h, 8);
                        Vec vec = Vec.create(store);
                        p = store.resolve(h, 8);
                        vec.pushLong(1);
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:13");
    }

    // ---------------------------------------------------------------- control flow

    @Test
    void staleOnOneBranchIsReported() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store, boolean c) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        if (c) {
                            h = store.grow(h, 16, 32, 8);
                        }
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:12");
    }

    @Test
    void useOnlyOnAPathThatReturnedBeforeIsFine() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store, boolean c) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        if (c) {
                            p.get(JAVA_LONG, 0);
                            return;
                        }
                        h = store.grow(h, 16, 32, 8);
                    }
                """));
    }

    @Test
    void growInLoopMakesPointerFromBeforeTheLoopStaleOnNextIteration() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        for (int i = 0; i < 3; i++) {
                            p.set(JAVA_LONG, 0, i);
                            h = store.grow(h, 16, 32, 8);
                        }
                    }
                """), "pointer.stale:10");
    }

    @Test
    void reresolvingInsideTheLoopIsFine() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        for (int i = 0; i < 3; i++) {
                            MemorySegment p = store.resolve(h, 16);
                            p.set(JAVA_LONG, 0, i);
                            h = store.grow(h, 16, 32, 8);
                        }
                    }
                """));
    }

    @Test
    void growThatThrowsLeavesTheHandleValid() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        try {
                            h = store.grow(h, 16, 1 << 30, 8);
                        } catch (RuntimeException e) {
                            store.resolve(h, 16);
                        }
                    }
                """));
    }

    @Test
    void finallyAfterGrowSeesStalePointer() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        try {
                            h = store.grow(h, 16, 32, 8);
                        } finally {
                            p.get(JAVA_LONG, 0);
                        }
                    }
                """), "pointer.stale:12");
    }

    @Test
    void switchCaseThatGrowsMakesPointerStaleAfter() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store, int k) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        switch (k) {
                            case 1 -> h = store.grow(h, 16, 32, 8);
                            default -> { }
                        }
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:13");
    }

    @Test
    void ternaryPointerFromEitherStoreIsStale() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore a, boolean c) {
                        long h = a.allocate(16, 8);
                        MemorySegment p = c ? a.resolve(h, 16) : MemorySegment.NULL;
                        h = a.grow(h, 16, 32, 8);
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:10");
    }

    @Test
    void lambdaCallAfterGrowUsesTheCapturedPointer() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        Runnable r = () -> p.get(JAVA_LONG, 0);
                        r.run();
                        h = store.grow(h, 16, 32, 8);
                        r.run();
                    }
                """), "pointer.stale:12");
    }

    @Test
    void lambdaBodyUsingAStalePointerIsReported() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        Runnable r = () -> p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:10");
    }

    // ---------------------------------------------------------------- aliases and foreign handles

    @Test
    void mustAliasOfTheStoreIsTheSameStore() {
        assertFindings(body("""
                    @Invalidates("#1") void run(MiniStore s) {
                        MiniStore t = s;
                        long h = s.allocate(16, 8);
                        MemorySegment p = s.resolve(h, 16);
                        h = t.grow(h, 16, 32, 8);
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void twoParametersMayBeTheSameStore() {
        assertFindings(body("""
                    @Invalidates("#1") @Invalidates("#2") void run(MiniStore a, MiniStore b) {
                        long h = a.allocate(16, 8);
                        MemorySegment p = a.resolve(h, 16);
                        long g = b.allocate(16, 8);
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:10");
    }

    @Test
    void twoFreshStoresAreDistinct() {
        assertFindings(body("""
                    void run() {
                        MiniStore a = new Growable();
                        MiniStore b = new Growable();
                        long h = a.allocate(16, 8);
                        MemorySegment p = a.resolve(h, 16);
                        long g = b.allocate(16, 8);
                        p.get(JAVA_LONG, 0);
                    }
                """));
    }

    @Test
    void handleOfOneFreshStoreResolvedOnAnotherIsForeign() {
        assertFindings(body("""
                    void run() {
                        MiniStore a = new Arena();
                        MiniStore b = new Arena();
                        long h = a.allocate(16, 8);
                        b.resolve(h, 16);
                    }
                """), "handle.foreign:10");
    }

    @Test
    void handleOfAParameterStoreOnAnotherParameterIsNotForeign() {
        assertFindings(body("""
                    @Invalidates("#1") @Invalidates("#2") void run(MiniStore a, MiniStore b) {
                        long h = a.allocate(16, 8);
                        b.resolve(h, 16);
                    }
                """));
    }

    @Test
    void membersOfOneSharingSetShareHandles() {
        assertFindings(body("""
                    void run() {
                        Shared a = new Shared();
                        Shared b = a.share();
                        long h = a.allocate(16, 8);
                        b.resolve(h, 16);
                    }
                """));
    }

    @Test
    void storesMadeWithNewAreDifferentSharingSets() {
        assertFindings(body("""
                    void run() {
                        Shared a = new Shared();
                        Shared b = new Shared();
                        long h = a.allocate(16, 8);
                        b.resolve(h, 16);
                    }
                """), "handle.foreign:10");
    }

    // ---------------------------------------------------------------- box.leak.unpinned, pointer.escape

    @Test
    void leakFromUnpinnedStoreIsReported() {
        assertFindings(body("""
                    MemorySegment run() {
                        Box box = Box.allocate(new Arena(), 8);
                        return box.leak();
                    }
                """), "box.leak.unpinned:8");
    }

    @Test
    void leakFromPinnedStoreIsFine() {
        assertFindings(body("""
                    MemorySegment run() {
                        Box box = Box.allocate(new Global(), 8);
                        return box.leak();
                    }
                """));
    }

    @Test
    void pointerOfUnpinnedStoreEscapingToAFieldIsReported() {
        assertFindings(body("""
                    MemorySegment cached;
                    @Invalidates("#1") void run(MiniStore store, long h) {
                        cached = store.resolve(h, 8);
                    }
                """), "pointer.escape:8");
    }

    @Test
    void pointerReturnedWithoutResolvesIsReported() {
        assertFindings(body("""
                    MemorySegment run(MiniStore store, long h) {
                        MemorySegment p = store.resolve(h, 8);
                        return p;
                    }
                """), "pointer.escape:8");
    }

    @Test
    void pointerOfPinnedStoreMayEscape() {
        assertFindings(body("""
                    MemorySegment cached;
                    void run(Global store, long h) {
                        cached = store.resolve(h, 8);
                    }
                """));
    }

    // ---------------------------------------------------------------- invalidates.undeclared and modular contracts

    @Test
    void helperThatAllocatesOnItsParameterMustDeclareIt() {
        assertFindings(body("""
                    static void refill(MiniStore store) {
                        store.allocate(8, 8);
                    }
                """), "invalidates.undeclared:7");
    }

    @Test
    void declaredHelperIsFineAndInvalidatesAtCallSites() {
        assertFindings(body("""
                    @dev.stowage.qual.Invalidates("#1")
                    static void refill(MiniStore store) {
                        store.allocate(8, 8);
                    }
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        refill(store);
                        p.get(JAVA_LONG, 0);
                    }
                """), "pointer.stale:14");
    }

    @Test
    void allocatingOnAStableMultipleParameterNeedsNoDeclaration() {
        assertFindings(body("""
                    static void fill(@dev.stowage.qual.Stable @dev.stowage.qual.Multiple MiniStore store) {
                        store.allocate(8, 8);
                    }
                """));
    }

    @Test
    void wrapperInvalidatingItsFieldStoreMustDeclareIt() {
        assertFindings(body("""
                    private final MiniStore store = new Growable();
                    long add() {
                        return store.allocate(8, 8);
                    }
                """), "invalidates.undeclared:8");
    }

    @Test
    void unannotatedLibraryMethodInvalidatesNothing() {
        assertFindings(body("""
                    static void log(Object o) {}
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        log(store);
                        p.get(JAVA_LONG, 0);
                    }
                """));
    }

    // ---------------------------------------------------------------- suppression and qualifiers

    @Test
    void suppressWarningsWithKeyOrCheckerName() {
        assertFindings(body("""
                    @SuppressWarnings("stowage:pointer.stale")
                    @Invalidates("#1") void run(MiniStore store) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        p.get(JAVA_LONG, 0);
                    }
                    @SuppressWarnings("stowage")
                    void run2(MiniStore store) {
                        long h = store.allocate(16, 8);
                        store.deallocate(h, 16, 8);
                        store.deallocate(h, 16, 8);
                    }
                """));
    }

    @Test
    void passingAnUnstableStoreWhereStableIsRequiredIsATypeError() {
        assertFindings(body("""
                    static void fill(@dev.stowage.qual.Stable MiniStore store) {}
                    void run() {
                        fill(new Arena());
                        fill(new Growable());
                    }
                """), "argument:9");
    }
}
