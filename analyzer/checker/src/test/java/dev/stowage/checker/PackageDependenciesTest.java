package dev.stowage.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker's packages depend one way: {@code engine} (runs javac) → {@code checker} (the
 * processor) → {@code api} (rules and findings as data), and {@code api} on nothing of the checker.
 * A source that names a package against that order fails here, so the old cycle between
 * {@code checker} and {@code checker.engine} cannot come back unnoticed.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/stowage/checker");

    @Test
    void theCheckerDoesNotNameTheEngine() throws IOException {
        assertEquals(List.of(), offenders(SOURCES, Pattern.compile("dev\\.stowage\\.checker\\.engine\\b")));
    }

    @Test
    void theApiNamesNothingElseOfTheChecker() throws IOException {
        assertEquals(List.of(), offenders(SOURCES.resolve("api"), Pattern.compile("dev\\.stowage\\.checker\\.(?!api\\b)\\w+")));
    }

    /** Files directly in {@code dir} whose text matches. */
    private static List<String> offenders(Path dir, Pattern forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (forbidden.matcher(Files.readString(f)).find()) {
                    out.add(f.getFileName().toString());
                }
            }
        }
        return out;
    }
}
