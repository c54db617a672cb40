package dev.stowage.gate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts the build wrote into the jar: the gate's version (the Maven plugin versions are the project layer's, BuildTools). */
final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("gate.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the defaults above serve; a jar without the file is a broken build, not a user error
        }
        return properties;
    }
}
