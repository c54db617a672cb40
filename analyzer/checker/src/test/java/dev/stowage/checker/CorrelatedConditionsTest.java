package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.assertFindings;

import org.junit.jupiter.api.Test;

/**
 * Correlated conditions: a value made stale under an effectively final {@code boolean} is live on a
 * later branch where that flag is known to have the other value; anything else is stale as before.
 */
class CorrelatedConditionsTest {

    /** The method under test starts on line 5 and gets a growable (not {@code @Stable}) store. */
    static String program(String method) {
        return """
                package app;
                import lib.*; import dev.stowage.qual.*;
                import static java.lang.foreign.ValueLayout.JAVA_LONG;
                class Test {
                """ + method + """
                }
                """;
    }

    @Test
    void theSameFlagGuardingTheGrowAndTheReresolveIsFine() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Multiple MiniStore s, boolean grow) {
                        long h = s.allocate(16, 8);
                        java.lang.foreign.MemorySegment p = s.resolve(h, 16);
                        if (grow) { h = s.grow(h, 16, 32, 8); }
                        if (grow) { p = s.resolve(h, 32); }
                        p.set(JAVA_LONG, 0, 1);
                    }
                """));
    }

    @Test
    void aUseUnderTheNegatedFlagIsFine() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Multiple MiniStore s, boolean grow) {
                        long h = s.allocate(16, 8);
                        java.lang.foreign.MemorySegment p = s.resolve(h, 16);
                        if (grow) { h = s.grow(h, 16, 32, 8); }
                        if (!grow) { p.set(JAVA_LONG, 0, 1); }
                    }
                """));
    }

    @Test
    void aUseUnderTheSameFlagIsStale() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Multiple MiniStore s, boolean grow) {
                        long h = s.allocate(16, 8);
                        java.lang.foreign.MemorySegment p = s.resolve(h, 16);
                        if (grow) { h = s.grow(h, 16, 32, 8); }
                        if (grow) { p.set(JAVA_LONG, 0, 1); }
                    }
                """), "pointer.stale:9");
    }

    @Test
    void aFlagThatIsAssignedAgainCorrelatesNothing() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Multiple MiniStore s, boolean grow) {
                        long h = s.allocate(16, 8);
                        java.lang.foreign.MemorySegment p = s.resolve(h, 16);
                        if (grow) { h = s.grow(h, 16, 32, 8); }
                        grow = !grow;
                        if (grow) { p.set(JAVA_LONG, 0, 1); }
                    }
                """), "pointer.stale:10");
    }

    @Test
    void aGrowOnBothBranchesIsStaleWhateverTheFlag() {
        assertFindings(program("""
                    @Invalidates("#1") void run(@Multiple MiniStore s, boolean grow) {
                        long h = s.allocate(16, 8);
                        java.lang.foreign.MemorySegment p = s.resolve(h, 16);
                        if (grow) { h = s.grow(h, 16, 32, 8); } else { h = s.grow(h, 16, 64, 8); }
                        if (!grow) { p.set(JAVA_LONG, 0, 1); }
                    }
                """), "pointer.stale:9");
    }
}
