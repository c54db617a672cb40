package dev.stowage.store;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The main class of the child JVM that {@link CrashProofTest} starts: runs the test classes named
 * on the command line (jqwik properties included) with the JUnit Platform and exits 0 only if at
 * least one test ran and none failed. A JVM crash shows up in the parent as another exit code.
 */
public final class ForkedTests {
    private ForkedTests() {}

    public static void main(String[] classNames) throws Exception {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : classNames) {
            request.selectors(selectClass(Class.forName(name)));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(built, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 40);
        out.printf("forked tests: %d found, %d succeeded, %d failed, %d aborted in %d s%n",
                summary.getTestsFoundCount(), summary.getTestsSucceededCount(),
                summary.getTotalFailureCount(), summary.getTestsAbortedCount(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        out.flush();
        boolean passed = summary.getTestsFoundCount() > 0 && summary.getTotalFailureCount() == 0
                && summary.getTestsAbortedCount() == 0;
        System.exit(passed ? 0 : 1);
    }
}
