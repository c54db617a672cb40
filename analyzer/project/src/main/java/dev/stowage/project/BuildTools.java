package dev.stowage.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions the build wrote into the jar from the root {@code pom.xml}, where every plugin is pinned:
 * the {@code maven-dependency-plugin} this layer runs, and Stowage's own version.
 */
public final class BuildTools {

    private static final Properties PROPERTIES = load();

    private BuildTools() {}

    /** The maven-dependency-plugin version, as pinned in the root pom (e.g. {@code 3.8.1}). */
    public static String dependencyPluginVersion() {
        return required("maven-dependency-plugin.version");
    }

    /** Stowage's version (e.g. {@code 0.1.0-SNAPSHOT}). */
    public static String stowageVersion() {
        return PROPERTIES.getProperty("stowage.version", "unknown");
    }

    private static String required(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("build-tools.properties has no " + key + ": the jar was not built by the project's Maven build");
        }
        return value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildTools.class.getResourceAsStream("build-tools.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            // required() says what is missing
        }
        return properties;
    }
}
