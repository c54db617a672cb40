package dev.stowage.project;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The libraries Stowage ships and puts on the analysed code's classpath: the Stowage runtime, its
 * qualifiers and the Checker Framework's qualifiers. Sources that use the stores then compile with
 * no build tool at all (the server's restricted mode, a plain folder given to the gate); a project's
 * own classpath comes first, so its versions win.
 *
 * <pre>{@code
 * List<Path> jars = BundledLibraries.paths();
 * }</pre>
 */
public final class BundledLibraries {

    private BundledLibraries() {}

    /** Where the runtime and the qualifiers are loaded from (jars, or class folders in a build). */
    public static List<Path> paths() {
        LinkedHashSet<Path> paths = new LinkedHashSet<>();
        for (String className : List.of(
                "dev.stowage.store.Store", "dev.stowage.qual.Invalidates", "org.checkerframework.framework.qual.DefaultQualifier")) {
            try {
                CodeSource source = Class.forName(className, false, BundledLibraries.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    paths.add(Path.of(source.getLocation().toURI()));
                }
            } catch (ClassNotFoundException | URISyntaxException | SecurityException | IllegalArgumentException e) {
                // not bundled in this packaging: the user's classpath must bring it
            }
        }
        return new ArrayList<>(paths);
    }
}
