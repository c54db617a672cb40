package dev.stowage.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One module of a build: its folder, its pom, its source folders and the modules of the same build
 * it depends on.
 *
 * @param name the module's folder relative to the build's root ({@code "."} for the root itself)
 * @param dependsOn roots of the modules of the same build it declares as dependencies
 */
public record BuildModule(Path root, String name, Pom pom, List<Path> dependsOn) {

    public BuildModule {
        dependsOn = List.copyOf(dependsOn);
    }

    /** {@code src/main/java} when it exists. */
    public List<Path> mainSourceRoots() {
        return existing(root.resolve("src/main/java"));
    }

    /** {@code src/test/java} when it exists. */
    public List<Path> testSourceRoots() {
        return existing(root.resolve("src/test/java"));
    }

    /** The source roots, with the tests' when asked. */
    public List<Path> sourceRoots(boolean includeTests) {
        return includeTests
                ? java.util.stream.Stream.concat(mainSourceRoots().stream(), testSourceRoots().stream()).toList()
                : mainSourceRoots();
    }

    /** {@code target/classes} and {@code target/test-classes} when they exist (compiled by an earlier build). */
    public List<Path> outputFolders() {
        return java.util.stream.Stream.of(root.resolve("target/classes"), root.resolve("target/test-classes"))
                .filter(Files::isDirectory).toList();
    }

    private static List<Path> existing(Path folder) {
        return Files.isDirectory(folder) ? List.of(folder) : List.of();
    }

    @Override
    public String toString() {
        return name;
    }
}
