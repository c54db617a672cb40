package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.assertFindings;
import static dev.stowage.checker.CorrelatedConditionsTest.program;

import org.junit.jupiter.api.Test;

/**
 * Values known on a path prune the branches they contradict: a reassignable {@code boolean} local's
 * last literal (the success flag) and a {@code @Query}'s answer; anything that may change them makes
 * them unknown again, and the findings come back.
 */
class KnownValuesTest {

    private static final String SOURCE = """
                interface Source { @Query boolean more(); void advance(); }
                static boolean check() { return true; }
                static void work() {}
            """;

    @Test
    void aSuccessFlagSetToALiteralReleasesOnlyOnTheExceptionalPath() {
        assertFindings(program("""
                    void run() {
                        MiniStore s = new Arena();
                        boolean ok = false;
                        try { work(); ok = true; } finally { if (!ok) { s.close(); } }
                        s.allocate(8, 8);
                    }
                """ + SOURCE));
    }

    @Test
    void aSuccessFlagSetFromACallIsUnknown() {
        assertFindings(program("""
                    void run() {
                        MiniStore s = new Arena();
                        boolean ok = false;
                        try { work(); ok = check(); } finally { if (!ok) { s.close(); } }
                        s.allocate(8, 8);
                    }
                """ + SOURCE), "store.closed:9");
    }

    /**
     * The loop head joins "false" from the entry with "true" from the back edge: unknown there, so the
     * close is also reported on an iteration that cannot happen (line 8; a known imprecision: literals
     * are kept only where every path agrees).
     */
    @Test
    void aFlagSetInALoopIsUnknownAtTheLoopHead() {
        assertFindings(program("""
                    void run(Source src) {
                        MiniStore s = new Arena();
                        boolean done = false;
                        while (!done) { if (!src.more()) { s.close(); done = true; } }
                        s.allocate(8, 8);
                    }
                """ + SOURCE), "store.closed:8", "store.closed:9");
    }

    @Test
    void aLoopConditionAskedAgainDoesNotGoRoundAfterTheBranchThatClosed() {
        assertFindings(program("""
                    void run(Source src) {
                        MiniStore s = new Arena();
                        do {
                            s.allocate(8, 8);
                            if (!src.more()) { s.close(); }
                        } while (src.more());
                    }
                """ + SOURCE));
    }

    @Test
    void aCallNamingTheReceiverBetweenForgetsTheAnswer() {
        assertFindings(program("""
                    void run(Source src) {
                        MiniStore s = new Arena();
                        do {
                            s.allocate(8, 8);
                            if (!src.more()) { s.close(); }
                            src.advance();
                        } while (src.more());
                    }
                """ + SOURCE), "store.closed:8", "store.closed:9");
    }
}
