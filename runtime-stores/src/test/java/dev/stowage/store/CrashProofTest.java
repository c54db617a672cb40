package dev.stowage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link StoreCrashProperties} (jqwik: any sequence of calls with any {@code long} arguments on
 * every store, raw and checked) and {@link StoreSafetyProbes} (each reported way to crash or corrupt
 * a store) in a child JVM: a store that crashes the JVM fails this test instead of killing the build.
 */
class CrashProofTest {

    @Test
    void everyStoreSurvivesAdversarialCallsAndEveryProbeInAChildJvm() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                List.of("--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:+UseSerialGC"),
                ChildJvm.testClassPath(), ForkedTests.class.getName(),
                List.of(StoreCrashProperties.class.getName(), StoreSafetyProbes.class.getName()), 300);
        System.out.println(result.output());
        assertFalse(result.crashed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(result.output().contains(" 0 failed"), result::describe);
    }

    @Test
    void aCrashInTheChildJvmIsReportedAsACrash() throws Exception {
        ChildJvm.Result result = ChildJvm.run(List.of("--enable-native-access=ALL-UNNAMED"),
                ChildJvm.testClassPath(), CrashOnPurpose.class.getName(), List.of(), 120);
        assertTrue(result.crashed(), () -> "a read of address 8 must crash the child: " + result.describe());
    }

    /** Reads the null page through a restricted method: the crash the harness must catch. */
    public static final class CrashOnPurpose {
        @SuppressWarnings("restricted")
        public static void main(String[] args) {
            long value = java.lang.foreign.MemorySegment.ofAddress(8).reinterpret(8)
                    .get(java.lang.foreign.ValueLayout.JAVA_LONG, 0);
            System.out.println("read " + value + ": no crash?");
        }
    }
}
