package dev.stowage.gate;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The libraries the gate ships with and adds to the analysed code's classpath (unless
 * {@code --no-bundled-classpath}): the Stowage runtime, its qualifiers and the Checker Framework's
 * qualifiers. A folder of sources that uses the stores then compiles without any {@code --classpath};
 * a project's own classpath comes first, so its versions win.
 */
final class BundledLibraries {

    private BundledLibraries() {}

    static List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        for (String className : List.of(
                "dev.stowage.store.Store", "dev.stowage.qual.Invalidates", "org.checkerframework.framework.qual.DefaultQualifier")) {
            try {
                CodeSource source = Class.forName(className, false, BundledLibraries.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    paths.add(Path.of(source.getLocation().toURI()));
                }
            } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
                // not bundled in this packaging: the user's classpath must bring it
            }
        }
        return paths;
    }
}
