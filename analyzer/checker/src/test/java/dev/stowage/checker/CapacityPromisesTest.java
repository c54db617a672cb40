package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.assertFindings;

import org.junit.jupiter.api.Test;

/**
 * Capacity promises stated by annotations ({@code @Reserves}, {@code @Invalidates(unlessReserved,
 * unlessPresent)}): within the promise a call keeps pointers valid, beyond it or where the checker
 * cannot follow it the call invalidates as before.
 */
class CapacityPromisesTest {

    /**
     * The method under test starts on line 6; after it come a vector and a map whose contracts
     * carry the promises (declared here, so the checker learns them only from the annotations).
     */
    static String program(String method) {
        return """
                package app;
                import lib.*; import dev.stowage.qual.*; import dev.stowage.qual.Invalidates.Effect;
                import java.lang.foreign.MemorySegment;
                import static java.lang.foreign.ValueLayout.JAVA_LONG;
                class Test {
                """ + method + """
                    static final class RVec {
                        @Issues("#1") @Invalidates(value = "#1", effect = Effect.ALLOCATE)
                        static RVec create(MiniStore store) { throw new UnsupportedOperationException(); }
                        @Resolves MemorySegment get(long index) { throw new UnsupportedOperationException(); }
                        @Invalidates(effect = Effect.RELOCATE) @Reserves("#1") void reserve(long n) {}
                        @Invalidates(effect = Effect.RELOCATE, unlessReserved = true) void push(long value) {}
                        @Invalidates(effect = Effect.RELOCATE) void shrink() {}
                    }
                    static final class KMap {
                        @Issues("#1") @Invalidates(value = "#1", effect = Effect.ALLOCATE)
                        static KMap create(MiniStore store) { throw new UnsupportedOperationException(); }
                        @Resolves MemorySegment valueRef(long key) { throw new UnsupportedOperationException(); }
                        @Invalidates(effect = Effect.RELOCATE, unlessPresent = "#1") void put(long key, long value) {}
                        @Invalidates(effect = Effect.POINTERS) void remove(long key) {}
                        @EnsuresPresentIf(key = "#1") boolean containsKey(long key) { return false; }
                    }
                }
                """;
    }

    @Test
    void pushesWithinTheReservedRoomKeepPointers() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        RVec v = RVec.create(store);
                        v.reserve(2);
                        v.push(1);
                        MemorySegment p = v.get(0);
                        v.push(2);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void aPushBeyondTheReservedRoomInvalidates() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        RVec v = RVec.create(store);
                        v.reserve(1);
                        MemorySegment p = v.get(0);
                        v.push(1);
                        p.set(JAVA_LONG, 0, 1);
                        v.push(2);
                        p.set(JAVA_LONG, 0, 2);
                    }
                """), "pointer.stale:13");
    }

    @Test
    void aNonConstantCountReservesNothing() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, long n) {
                        RVec v = RVec.create(store);
                        v.reserve(n);
                        MemorySegment p = v.get(0);
                        v.push(1);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void aCopyOfTheVectorSharesItsRoom() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        RVec v = RVec.create(store);
                        RVec w = v;
                        v.reserve(1);
                        MemorySegment p = v.get(0);
                        w.push(1);
                        v.push(2);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:13");
    }

    @Test
    void aReallocationOfAVectorThatMayBeTheSameUsesUpTheRoom() {
        assertFindings(program("""
                    @Invalidates("#1") @Invalidates("#2") void run(RVec a, RVec b) {
                        a.reserve(4);
                        MemorySegment p = a.get(0);
                        b.shrink();
                        a.push(1);
                        p = a.get(0);
                        a.push(2);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:13");
    }

    @Test
    void roomReservedOnOnePathOnlyIsNotKnownAfterTheJoin() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, boolean c) {
                        RVec v = RVec.create(store);
                        if (c) v.reserve(2);
                        MemorySegment p = v.get(0);
                        v.push(1);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void aPutOfAConstantKeyPutBeforeKeepsPointers() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        MemorySegment p = m.valueRef(1);
                        m.put(1L, 11);
                        m.put(ONE, 12);
                        p.set(JAVA_LONG, 0, 1);
                    }
                    static final long ONE = 1;
                """));
    }

    @Test
    void aPutOfAnEffectivelyFinalKeyPutBeforeKeepsPointers() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, long key) {
                        KMap m = KMap.create(store);
                        m.put(key, 10);
                        MemorySegment p = m.valueRef(key);
                        m.put(key, 11);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void aPutOfANewKeyKeepsTheOtherKnownKeys() {
        // A put that rehashes moves entries (RELOCATE) but drops no key: keys put before stay present.
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, long key) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        m.put(key, 20);
                        MemorySegment p = m.valueRef(1);
                        m.put(1, 11);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void aRemoveForgetsTheKnownKeys() {
        // POINTERS may drop entries: after it no key is known present, so a put may rehash again.
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        m.remove(2);
                        MemorySegment p = m.valueRef(1);
                        m.put(1, 11);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:12");
    }

    @Test
    void aPutOfAnotherKeyInvalidates() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        MemorySegment p = m.valueRef(1);
                        m.put(-1, 20);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:11");
    }

    @Test
    void aReassignedVariableIsNotAKnownKey() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, long key) {
                        KMap m = KMap.create(store);
                        m.put(key, 10);
                        MemorySegment p = m.valueRef(key);
                        key++;
                        m.put(key, 20);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:12");
    }

    @Test
    void anotherEffectOnTheMapForgetsItsKeys() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        m.remove(2);
                        MemorySegment p = m.valueRef(1);
                        m.put(1, 11);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:12");
    }

    @Test
    void aLambdaDoesNotUseRoomReservedWhereItWasCreated() {
        // The lambda may run twice, or after other pushes: the room reserved before it is not its own.
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store) {
                        RVec v = RVec.create(store);
                        v.reserve(1);
                        MemorySegment p = v.get(0);
                        Runnable pushAndWrite = () -> {
                            v.push(1);
                            p.set(JAVA_LONG, 0, 1);
                        };
                        pushAndWrite.run();
                        pushAndWrite.run();
                    }
                """), "pointer.stale:12");
    }

    @Test
    void aLoopOfAtMostNPushesAfterReserveNKeepsPointers() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, int n) {
                        RVec v = RVec.create(store);
                        v.reserve(n);
                        MemorySegment p = v.get(0);
                        for (int i = 0; i < n; i++) {
                            v.push(i);
                        }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void aPushAfterTheLoopThatSpentTheRoomInvalidates() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, int n) {
                        RVec v = RVec.create(store);
                        v.reserve(n);
                        MemorySegment p = v.get(0);
                        for (int i = 0; i < n; i++) {
                            v.push(i);
                        }
                        v.push(-1);
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:14");
    }

    @Test
    void aLoopWithTwoPushesPerIterationInvalidates() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, int n) {
                        RVec v = RVec.create(store);
                        v.reserve(n);
                        MemorySegment p = v.get(0);
                        for (int i = 0; i < n; i++) {
                            v.push(i);
                            v.push(-i);
                        }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:14");
    }

    @Test
    void aLoopPushingThroughACopyToo() {
        // 'w' is 'v': two pushes per iteration, 2n in all, beyond the room.
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, int n) {
                        RVec v = RVec.create(store);
                        RVec w = v;
                        v.reserve(n);
                        MemorySegment p = v.get(0);
                        for (int i = 0; i < n; i++) {
                            v.push(i);
                            w.push(i);
                        }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:15");
    }

    @Test
    void aLoopBoundedByAnotherCountInvalidates() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, int n, int m) {
                        RVec v = RVec.create(store);
                        v.reserve(n);
                        MemorySegment p = v.get(0);
                        for (int i = 0; i < m; i++) {
                            v.push(i);
                        }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:13");
    }

    @Test
    void aPutInsideAMembershipTestKeepsPointers() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, long key) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        MemorySegment p = m.valueRef(1);
                        if (m.containsKey(key)) {
                            m.put(key, 11);
                        }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void aPutOnTheBranchWhereTheKeyIsAbsentInvalidates() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Stable @Multiple MiniStore store, long key) {
                        KMap m = KMap.create(store);
                        m.put(1, 10);
                        MemorySegment p = m.valueRef(1);
                        if (!m.containsKey(key)) {
                            m.put(key, 11);
                        }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """), "pointer.stale:13");
    }
}
