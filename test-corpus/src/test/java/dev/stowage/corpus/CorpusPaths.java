package dev.stowage.corpus;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Where the corpus, the gap list and the report folder are; set by the build (see the module's pom). */
final class CorpusPaths {

    private CorpusPaths() {}

    /** The folder holding the {@code corpus} package of scenarios. */
    static Path sources() {
        return Path.of(property("stowage.corpus.sources", "src/main/java"));
    }

    /** The checked-in list of known gaps. */
    static Path knownGaps() {
        return Path.of(property("stowage.corpus.knownGaps", "known-gaps.txt"));
    }

    /** Where summaries are written ({@code target/}). */
    static Path reportDir() {
        return Path.of(property("stowage.corpus.reportDir", "target"));
    }

    /**
     * The classpath the scenarios are analyzed against: the runtime and the qualifiers, as Maven
     * resolved them ({@code dependency:build-classpath}), else taken from this JVM's classpath.
     */
    static List<Path> scenarioClasspath() {
        String fromBuild = System.getProperty("stowage.scenario.classpath", "");
        if (!fromBuild.isBlank() && !fromBuild.startsWith("${")) {
            return Arrays.stream(fromBuild.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        }
        List<Path> found = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("stowage-runtime") || entry.contains("stowage-qual")
                        || entry.contains("runtime-stores") || entry.contains("analyzer" + File.separator + "qual"))
                .map(Path::of)
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("cannot find the runtime and qualifier jars for the scenarios: set -Dstowage.scenario.classpath"
                    + " (the JVM's classpath is " + System.getProperty("java.class.path") + ")");
        }
        return found;
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
