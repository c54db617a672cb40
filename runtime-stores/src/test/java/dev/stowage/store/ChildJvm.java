package dev.stowage.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class in a child JVM with this test's class path (or one given), so that a JVM crash
 * (SIGSEGV, glibc abort) is an exit code the test can report, not the end of the build.
 */
final class ChildJvm {

    /** How a child JVM ended: its exit code, everything it printed, and any hs_err crash log. */
    record Result(int exitCode, String output, List<Path> crashLogs) {
        boolean crashed() {
            return !crashLogs.isEmpty() || exitCode == 134 || exitCode == 139;
        }

        String describe() {
            return (crashed() ? "the child JVM CRASHED (exit " + exitCode + ", crash logs " + crashLogs + ")"
                    : "the child JVM exited with " + exitCode) + "; its output:\n" + output;
        }
    }

    private ChildJvm() {}

    /** The class path of this test JVM (surefire's, not its booter jar's). */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    static Result run(List<String> jvmOptions, String classPath, String mainClass, List<String> args,
            long timeoutSeconds) throws IOException, InterruptedException {
        Path crashDir = Files.createTempDirectory(Path.of("target"), "child-jvm-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ErrorFile=" + crashDir.toAbsolutePath() + "/hs_err_pid%p.log");
        command.add("-XX:-CreateCoredumpOnCrash");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Path log = crashDir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not finish within " + timeoutSeconds + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        List<Path> crashLogs;
        try (Stream<Path> files = Files.list(crashDir)) {
            crashLogs = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), crashLogs);
    }
}
