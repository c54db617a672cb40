package dev.stowage.project;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A build read from its files without running it: a root and its modules. {@link MavenBuild} is the
 * one there is today; a Gradle build would implement this and come with its own
 * {@link ClasspathProvider}.
 */
public interface ProjectBuild {

    /** The build's root folder (absolute, normalized). */
    Path root();

    /** Every module, the root's first when it is one. */
    List<BuildModule> modules();

    /** The deepest module whose folder holds the file. */
    default Optional<BuildModule> moduleOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return modules().stream().filter(m -> absolute.startsWith(m.root()))
                .max(Comparator.comparingInt(m -> m.root().getNameCount()));
    }

    /** The module with this folder. */
    default Optional<BuildModule> module(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return modules().stream().filter(m -> m.root().equals(absolute)).findFirst();
    }

    /** The modules a module depends on, directly or through other modules of the build, nearest first. */
    default List<BuildModule> dependencyClosure(BuildModule module) {
        List<BuildModule> closure = new ArrayList<>();
        Set<Path> seen = new HashSet<>(List.of(module.root()));
        Deque<Path> pending = new ArrayDeque<>(module.dependsOn());
        while (!pending.isEmpty()) {
            Path next = pending.poll();
            if (!seen.add(next)) continue;
            module(next).ifPresent(m -> {
                closure.add(m);
                pending.addAll(m.dependsOn());
            });
        }
        return closure;
    }
}
