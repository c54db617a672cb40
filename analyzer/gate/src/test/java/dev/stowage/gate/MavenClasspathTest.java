package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenClasspathTest {

    @TempDir
    Path project;

    static String pom(String dependencyVersion) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>t</groupId><artifactId>t</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId><version>%s</version></dependency>
                  </dependencies>
                </project>
                """.formatted(dependencyVersion);
    }

    /** Counts how often Maven would be asked, answering with a fixed classpath. */
    static final class CountingMaven extends MavenClasspath {
        final List<Path> asked = new ArrayList<>();
        final String answer;

        CountingMaven(boolean refresh, String answer) {
            super(refresh, message -> { });
            this.answer = answer;
        }

        @Override
        protected String runMaven(Path projectDirectory) {
            asked.add(projectDirectory);
            return answer;
        }
    }

    @Test
    void asksMavenItselfForTheClasspath() throws IOException {
        String picocli = System.getProperty("picocli.version.under.test", "4.7.7");
        Files.writeString(project.resolve("pom.xml"), pom(picocli));
        List<Path> classpath = new MavenClasspath(false, message -> { }).classpathOf(project);
        assertTrue(classpath.stream().anyMatch(p -> p.getFileName().toString().equals("picocli-" + picocli + ".jar")),
                classpath.toString());
        assertTrue(classpath.stream().allMatch(Files::exists), classpath.toString());
    }

    @Test
    void cachesTheClasspathUntilThePomChanges() throws IOException {
        Path jar = Files.createFile(project.resolve("lib.jar"));
        Files.writeString(project.resolve("pom.xml"), pom("1"));
        CountingMaven maven = new CountingMaven(false, jar.toString());
        assertEquals(List.of(jar), maven.classpathOf(project));
        assertEquals(List.of(jar), maven.classpathOf(project));
        assertEquals(1, maven.asked.size(), "the second call must come from the cache");
        try (var cached = Files.list(project.resolve("target/stowage"))) {
            assertEquals(1, cached.filter(p -> p.getFileName().toString().startsWith("classpath-")).count());
        }

        Files.writeString(project.resolve("pom.xml"), pom("2"));
        maven.classpathOf(project);
        assertEquals(2, maven.asked.size(), "a changed pom.xml must ask Maven again");

        CountingMaven refreshing = new CountingMaven(true, jar.toString());
        refreshing.classpathOf(project);
        assertEquals(1, refreshing.asked.size(), "--refresh-classpath ignores the cache");
    }

    @Test
    void aCachedClasspathNamingAMissingJarIsRecomputed() throws IOException {
        Path jar = Files.createFile(project.resolve("lib.jar"));
        Files.writeString(project.resolve("pom.xml"), pom("1"));
        CountingMaven maven = new CountingMaven(false, jar.toString());
        maven.classpathOf(project);
        Files.delete(jar);
        maven.classpathOf(project);
        assertEquals(2, maven.asked.size());
    }

    @Test
    void mavenFailingIsAToolErrorWithItsOutput() throws IOException {
        Files.writeString(project.resolve("pom.xml"), "<project><this is not a pom</project>");
        GateException e = assertThrows(GateException.class, () -> new MavenClasspath(false, m -> { }).classpathOf(project));
        assertTrue(e.getMessage().contains("Maven could not compute the classpath of " + project), e.getMessage());
    }
}
