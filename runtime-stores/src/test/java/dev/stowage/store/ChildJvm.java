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
 * Child JVMs on this test's class path: a second process for the file store's crash and lock tests
 * ({@link #start}), and a main class run to its end so that a JVM crash (SIGSEGV, glibc abort) is an
 * exit code the test can report, not the end of the build ({@link #run}).
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

    /** Starts {@code main} in a child that the caller drives (and may kill); its stderr goes to ours. */
    static Process start(Class<?> main, String... args) throws IOException {
        return builder(main, args).start();
    }

    /** The command for a child running {@code main}; stderr goes to ours. */
    static ProcessBuilder builder(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1"); // short-lived: start fast
        command.add("-cp");
        command.add(testClassPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Runs {@code mainClass} to its end (or fails the test after the timeout), keeping its output and crash logs. */
    static Result run(List<String> jvmOptions, String classPath, String mainClass, List<String> args,
            long timeoutSeconds) throws IOException, InterruptedException {
        Path crashDir = Files.createTempDirectory(Path.of("target"), "child-jvm-");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
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

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
