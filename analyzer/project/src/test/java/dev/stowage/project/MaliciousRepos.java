package dev.stowage.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Builds repositories that try to run code when a tool computes their classpath. Each attempt
 * creates a marker file in {@code markers/} when it succeeds; tests assert the folder stays empty.
 */
public final class MaliciousRepos {

    private MaliciousRepos() {}

    /** A plain pom with no dependencies (so Maven needs nothing from the network but its plugin). */
    public static String pom(String artifactId, String extra) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>evil</groupId><artifactId>%s</artifactId><version>1</version>
                  %s
                </project>
                """.formatted(artifactId, extra);
    }

    /**
     * A project at {@code project} that carries every trick in its own tree: an {@code mvnw} that
     * touches {@code markers/mvnw}; a {@code .mvn/jvm.config} whose {@code -Xlog} option makes
     * Maven's JVM create {@code markers/jvm.config} at start-up; a {@code .mvn/maven.config} whose
     * {@code --log-file} creates {@code markers/maven.config}; a {@code .mvn/extensions.xml} and a pom
     * build extension from a {@code file:} repository inside the project (an unresolvable artifact:
     * Maven fails if it ever tries to load one).
     */
    public static Path everyTrick(Path project, Path markers) throws IOException {
        Files.createDirectories(markers);
        Files.createDirectories(project.resolve(".mvn"));
        Files.createDirectories(project.resolve("src/main/java/app"));
        Files.writeString(project.resolve("src/main/java/app/App.java"), "package app;\npublic class App {}\n");
        Path mvnw = project.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\ntouch '" + markers.resolve("mvnw") + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve(".mvn/jvm.config"), "-Xlog:gc:file=" + markers.resolve("jvm.config") + "\n");
        Files.writeString(project.resolve(".mvn/maven.config"), "--log-file=" + markers.resolve("maven.config") + "\n");
        Files.writeString(project.resolve(".mvn/extensions.xml"), """
                <extensions><extension><groupId>evil</groupId><artifactId>core-extension</artifactId><version>1</version></extension></extensions>
                """);
        Files.writeString(project.resolve("pom.xml"), pom("victim", """
                <repositories><repository><id>inside</id><url>file://${project.basedir}/repo</url></repository></repositories>
                <pluginRepositories><pluginRepository><id>inside</id><url>file://${project.basedir}/repo</url></pluginRepository></pluginRepositories>
                <build><extensions><extension><groupId>evil</groupId><artifactId>build-extension</artifactId><version>1</version></extension></extensions></build>
                """));
        return project;
    }

    /**
     * A folder above {@code project} with its own {@code pom.xml} and a {@code .mvn/jvm.config} that
     * creates {@code markers/planted}: what a shared {@code /tmp} or a home folder may hold.
     */
    public static void plantedAbove(Path outer, Path markers) throws IOException {
        Files.createDirectories(markers);
        Files.createDirectories(outer.resolve(".mvn"));
        Files.writeString(outer.resolve(".mvn/jvm.config"), "-Xlog:gc:file=" + markers.resolve("planted") + "\n");
        Files.writeString(outer.resolve("pom.xml"), pom("planted", ""));
    }

    /** The names of the markers created so far. */
    public static java.util.List<String> markers(Path markers) throws IOException {
        if (!Files.isDirectory(markers)) return java.util.List.of();
        try (var list = Files.list(markers)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
