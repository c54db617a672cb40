package dev.stowage.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checked-in list of scenarios that are known not to pass yet ({@code known-gaps.txt}).
 *
 * <p>One gap a line: {@code <kind> <scenario> <reason>}, where kind is {@code static} (the checker's
 * findings differ from the expectations) or {@code runtime} (the run against {@code CheckedStore}
 * does not fail where the checker flags), and scenario is the path under {@code corpus/} without
 * {@code .java}, e.g. {@code static flow/LoopGrowStalesPointerFromBeforeLoop misses the back edge}.
 * Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>A listed gap makes a mismatch expected; a listed scenario that passes fails the run, so the
 * list can only shrink.
 */
record KnownGaps(Map<String, String> staticGaps, Map<String, String> runtimeGaps) {

    static KnownGaps load(Path file) {
        if (!Files.exists(file)) {
            return new KnownGaps(Map.of(), Map.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> staticGaps = new LinkedHashMap<>();
        Map<String, String> runtimeGaps = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3 || !Set.of("static", "runtime").contains(parts[0])) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": a gap reads '<static|runtime> <scenario> <reason>', but the line is: " + line);
            }
            Map<String, String> target = parts[0].equals("static") ? staticGaps : runtimeGaps;
            if (target.put(parts[1], parts[2]) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + parts[0] + " gap " + parts[1] + " is listed twice");
            }
        }
        return new KnownGaps(Map.copyOf(staticGaps), Map.copyOf(runtimeGaps));
    }
}
