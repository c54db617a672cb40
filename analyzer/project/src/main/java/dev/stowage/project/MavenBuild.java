package dev.stowage.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Maven build as its poms describe it, read without running Maven: the root's {@code <modules>},
 * recursively, each with its folder and sources, and which modules depend on which.
 *
 * <p>Modules never lead out of the root: a {@code <module>} whose folder is outside it (e.g.
 * {@code ../other}) is left out with a note, as is one without a {@code pom.xml}. Only the
 * top-level {@code <modules>} count, not those of profiles (a limitation, in docs/security.md).
 *
 * <pre>{@code
 * MavenBuild build = MavenBuild.read(Path.of("."), System.err::println);
 * build.modules();                      // the root first, then its modules depth-first
 * build.moduleOf(Path.of("app/src/main/java/A.java"));
 * }</pre>
 */
public record MavenBuild(Path root, List<BuildModule> modules) implements ProjectBuild {

    public MavenBuild {
        modules = List.copyOf(modules);
    }

    /**
     * @param root a folder with a {@code pom.xml}
     * @throws ProjectException when the root's pom cannot be read
     */
    public static MavenBuild read(Path root, Consumer<String> notes) {
        Path top = root.toAbsolutePath().normalize();
        Map<Path, Pom> poms = new LinkedHashMap<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(top));
        while (!pending.isEmpty()) {
            Path folder = pending.pop();
            if (poms.containsKey(folder)) continue;
            Pom pom = Pom.read(folder.resolve("pom.xml"));
            poms.put(folder, pom);
            List<Path> children = new ArrayList<>();
            for (String module : pom.modules()) {
                Path child = folder.resolve(module).normalize();
                if (child.getFileName() != null && child.getFileName().toString().endsWith(".xml")) {
                    child = child.getParent();
                }
                if (!child.startsWith(top)) {
                    notes.accept("left out module " + module + " of " + pom.file() + ": it is outside " + top);
                } else if (!Files.isRegularFile(child.resolve("pom.xml"))) {
                    notes.accept("left out module " + module + " of " + pom.file() + ": no pom.xml in " + child);
                } else {
                    children.add(child);
                }
            }
            // depth-first, in the order the pom lists them
            for (int i = children.size() - 1; i >= 0; i--) pending.push(children.get(i));
        }
        Map<String, Path> byCoordinates = new LinkedHashMap<>();
        for (Map.Entry<Path, Pom> e : poms.entrySet()) {
            Pom pom = e.getValue();
            if (pom.artifactId() != null) {
                byCoordinates.putIfAbsent(pom.groupId() + ":" + pom.artifactId(), e.getKey());
                byCoordinates.putIfAbsent(":" + pom.artifactId(), e.getKey());
            }
        }
        List<BuildModule> modules = new ArrayList<>();
        for (Map.Entry<Path, Pom> e : poms.entrySet()) {
            Set<Path> dependsOn = new LinkedHashSet<>();
            for (Pom.Dependency d : e.getValue().dependencies()) {
                Path sibling = byCoordinates.get(d.groupId() + ":" + d.artifactId());
                if (sibling == null && (d.groupId() == null || d.groupId().contains("${"))) {
                    sibling = byCoordinates.get(":" + d.artifactId());
                }
                if (sibling != null && !sibling.equals(e.getKey())) dependsOn.add(sibling);
            }
            String name = top.equals(e.getKey()) ? "." : top.relativize(e.getKey()).toString().replace('\\', '/');
            modules.add(new BuildModule(e.getKey(), name, e.getValue(), List.copyOf(dependsOn)));
        }
        return new MavenBuild(top, modules);
    }

    /**
     * The root of the build a folder belongs to, looking no higher than {@code boundary}: the highest
     * folder from the boundary down to {@code folder} whose pom lists {@code folder} among its
     * modules (recursively), else the nearest folder with a pom. Never looks above the boundary.
     */
    public static Optional<Path> rootFor(Path folder, Path boundary, Consumer<String> notes) {
        Path top = boundary.toAbsolutePath().normalize();
        Path start = folder.toAbsolutePath().normalize();
        if (!start.startsWith(top)) return Optional.empty();
        Path nearest = null;
        for (Path dir = start; dir != null && dir.startsWith(top); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                nearest = dir;
                break;
            }
        }
        if (nearest == null) return Optional.empty();
        Path root = nearest;
        for (Path dir = nearest.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                try {
                    MavenBuild candidate = read(dir, message -> { });
                    Path current = nearest;
                    if (candidate.modules().stream().anyMatch(m -> m.root().equals(current))) root = dir;
                } catch (ProjectException e) {
                    notes.accept("ignored " + dir.resolve("pom.xml") + ": " + e.getMessage());
                }
            }
        }
        return Optional.of(root);
    }

    /** "groupId:artifactId" and ":artifactId" of every module, for {@link Pom#sanitized}. */
    public Set<String> artifactKeys() {
        Set<String> keys = new HashSet<>();
        for (BuildModule m : modules) {
            if (m.pom().artifactId() != null) {
                keys.add(m.pom().groupId() + ":" + m.pom().artifactId());
                keys.add(":" + m.pom().artifactId());
            }
        }
        return keys;
    }
}
