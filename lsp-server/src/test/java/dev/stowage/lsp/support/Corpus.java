package dev.stowage.lsp.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The shared test corpus ({@code test-corpus/src/main/java/corpus}) and what it is compiled against. */
public final class Corpus {
    private Corpus() {}

    public static Path repoRoot() {
        String root = System.getProperty("stowage.repoRoot");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    public static Path sources() {
        return repoRoot().resolve("test-corpus/src/main/java");
    }

    /** Every scenario file, in a stable order. */
    public static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(sources().resolve("corpus"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The runtime and the qualifiers, as this test JVM has them. */
    public static List<String> classpath() {
        List<String> found = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("stowage-runtime") || e.contains("stowage-qual") || e.contains("runtime-stores")
                        || e.contains("analyzer" + File.separator + "qual"))
                .toList();
        if (found.isEmpty()) throw new IllegalStateException("no runtime/qualifier entries on " + System.getProperty("java.class.path"));
        return found;
    }
}
