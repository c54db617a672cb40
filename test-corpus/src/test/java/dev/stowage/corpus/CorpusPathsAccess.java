package dev.stowage.corpus;

import java.nio.file.Path;
import java.util.List;

/** Lets the benchmark's tests analyze against the same classpath as the corpus. */
public final class CorpusPathsAccess {

    private CorpusPathsAccess() {}

    /** The runtime and qualifier jars the scenarios are analyzed against. */
    public static List<Path> scenarioClasspath() {
        return CorpusPaths.scenarioClasspath();
    }
}
