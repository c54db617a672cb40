package dev.stowage.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Computes the dependency classpath of every module of a build: the jars and folders outside the
 * build that each module compiles against. Modules of the same build are not in it (they are not
 * installed); {@link ProjectClasspaths} adds their sources and outputs.
 *
 * <p>{@link MavenClasspathProvider} is the implementation for Maven; a Gradle build gets its own.
 * Tests pass lambdas.
 *
 * <pre>{@code
 * ClasspathProvider provider = MavenClasspathProvider.forPolicy(TrustPolicy.sanitized(), System.err::println);
 * Map<Path, List<Path>> byModule = provider.resolve(MavenBuild.read(root, notes::add));
 * }</pre>
 */
@FunctionalInterface
public interface ClasspathProvider {

    /** A provider that runs nothing and knows no classpath (restricted mode). */
    ClasspathProvider NONE = build -> Map.of();

    /**
     * @return the dependency classpath by module root; a module left out has none
     * @throws ProjectException when the build tool cannot be run or fails, with its reason and output
     */
    Map<Path, List<Path>> resolve(ProjectBuild build);
}
