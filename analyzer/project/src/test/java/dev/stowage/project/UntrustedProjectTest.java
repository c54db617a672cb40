package dev.stowage.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Computing the classpath of a repository runs none of its code unless the policy trusts it. These
 * tests run the real system Maven on repositories built to run code, and look for the markers.
 */
class UntrustedProjectTest {

    @TempDir
    Path temp;

    final List<String> log = new ArrayList<>();

    Map<Path, List<Path>> resolve(Path root, TrustPolicy policy) {
        return new MavenClasspathProvider(policy, log::add, Duration.ofMinutes(5)).resolve(MavenBuild.read(root, log::add));
    }

    @Test
    void theDefaultRunsNoWrapperNoMvnConfigNoExtensionAndStillComputesTheClasspath() throws IOException {
        Path markers = temp.resolve("markers");
        Path project = MaliciousRepos.everyTrick(temp.resolve("victim"), markers);

        Map<Path, List<Path>> classpaths = resolve(project, TrustPolicy.sanitized());

        assertEquals(List.of(), MaliciousRepos.markers(markers), "nothing of the project ran");
        assertEquals(List.of(), classpaths.get(project.toAbsolutePath().normalize()), "Maven answered (the pom has no dependencies)");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("running Maven (mvn, sanitized") && l.contains("module .")), log.toString());
    }

    @Test
    void aPlantedPomAndMvnFolderAboveTheProjectAreNeverRead() throws IOException {
        Path markers = temp.resolve("markers");
        Path outer = temp.resolve("shared-tmp");
        MaliciousRepos.plantedAbove(outer, markers);
        Path project = outer.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), MaliciousRepos.pom("victim", ""));

        resolve(project, TrustPolicy.sanitized());
        resolve(project, TrustPolicy.trusted(false));

        assertEquals(List.of(), MaliciousRepos.markers(markers), "the .mvn above the project was read");
    }

    @Test
    void aParentPomOutsideTheBuildIsNotLookedForOnDisk() throws IOException {
        Path markers = temp.resolve("markers");
        Path outer = temp.resolve("shared-tmp");
        MaliciousRepos.plantedAbove(outer, markers);
        Path project = outer.resolve("project");
        Files.createDirectories(project);
        // relativePath defaults to ../pom.xml: the planted one
        Files.writeString(project.resolve("pom.xml"), MaliciousRepos.pom("victim",
                "<parent><groupId>evil</groupId><artifactId>planted</artifactId><version>1</version></parent>"));

        ProjectException e = assertThrows(ProjectException.class, () -> resolve(project, TrustPolicy.sanitized()));

        assertTrue(e.getMessage().contains("evil:planted"), "Maven looked for the parent in repositories only: " + e.getMessage());
        assertTrue(e.getMessage().contains("check the build's root folder " + outer), e.getMessage());
        assertEquals(List.of(), MaliciousRepos.markers(markers));
    }

    @Test
    void theMarkersDoAppearWhenTheProjectIsTrusted() throws IOException {
        // The control: the same repository does run code once trusted, so the tests above can fail.
        Path markers = temp.resolve("markers");
        Path project = MaliciousRepos.everyTrick(temp.resolve("victim"), markers);
        Files.delete(project.resolve(".mvn/extensions.xml"));
        Files.writeString(project.resolve("pom.xml"), MaliciousRepos.pom("victim", ""));

        assertThrows(ProjectException.class, () -> resolve(project, TrustPolicy.trusted(true)));
        assertTrue(MaliciousRepos.markers(markers).contains("mvnw"), "--use-wrapper runs mvnw");

        resolve(project, TrustPolicy.trusted(false));
        assertTrue(MaliciousRepos.markers(markers).containsAll(List.of("jvm.config", "maven.config")), MaliciousRepos.markers(markers).toString());
    }

    @Test
    void restrictedRunsNothingAtAll() throws IOException {
        Path markers = temp.resolve("markers");
        Path project = MaliciousRepos.everyTrick(temp.resolve("victim"), markers);
        assertEquals(Map.of(), MavenClasspathProvider.forPolicy(TrustPolicy.restricted(), log::add).resolve(MavenBuild.read(project, log::add)));
        assertEquals(List.of(), MaliciousRepos.markers(markers));
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void theSanitizedCopyHasNoBuildNoRepositoriesAndAnEmptyMvnFolder() throws IOException {
        Path project = MaliciousRepos.everyTrick(temp.resolve("victim"), temp.resolve("markers"));
        Path copy = MavenClasspathProvider.sanitizedCopy(MavenBuild.read(project, log::add), temp.resolve("copy"));
        String pom = Files.readString(copy.resolve("pom.xml"));
        assertFalse(pom.contains("<build") || pom.contains("extension") || pom.contains("<repositories") || pom.contains("pluginRepositor"), pom);
        assertTrue(pom.contains("<artifactId>victim</artifactId>"), pom);
        try (var list = Files.list(copy.resolve(".mvn"))) {
            assertEquals(0, list.count());
        }
        assertFalse(Files.exists(copy.resolve("mvnw")));
    }

    @Test
    void aHungMavenIsStoppedAtTheTimeout() throws IOException {
        Path project = temp.resolve("p");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), MaliciousRepos.pom("p", ""));
        Path fakeMaven = temp.resolve("bin/mvn");
        Files.createDirectories(fakeMaven.getParent());
        Files.writeString(fakeMaven, "#!/bin/sh\nexec sleep 60\n");
        fakeMaven.toFile().setExecutable(true);
        MavenClasspathProvider provider = new MavenClasspathProvider(TrustPolicy.trusted(true), log::add, Duration.ofMillis(500));
        // --use-wrapper with an mvnw that hangs: the wrapper is the executable here
        Files.copy(fakeMaven, project.resolve("mvnw"));
        project.resolve("mvnw").toFile().setExecutable(true);
        long start = System.nanoTime();
        ProjectException e = assertThrows(ProjectException.class, () -> provider.resolve(MavenBuild.read(project, log::add)));
        assertTrue(e.getMessage().contains("stopped"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }
}
