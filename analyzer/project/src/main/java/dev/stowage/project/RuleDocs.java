package dev.stowage.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the rule pages ({@code docs/rules/<key>.md}) are: inside this jar (the build copies them),
 * for SARIF's rule help; and as a folder on disk, for links in the editor.
 *
 * <pre>{@code
 * RuleDocs.markdown("pointer.stale");                 // the page's text
 * RuleDocs.folderIn(workspaceRoot);                   // workspaceRoot/docs/rules, if it has the pages
 * }</pre>
 */
public final class RuleDocs {

    /** A page every rules folder has; its presence marks a folder as one. */
    private static final String MARKER = "pointer.stale.md";

    private RuleDocs() {}

    /** The Markdown of a rule's page, when the build bundled it. */
    public static Optional<String> markdown(String key) {
        String resource = "rules/" + key + ".md";
        try (InputStream in = RuleDocs.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rule page " + resource, e);
        }
    }

    /** {@code folder/docs/rules} when it holds the rule pages (the folder is Stowage's repository). */
    public static Optional<Path> folderIn(Path folder) {
        Path rules = folder.resolve("docs/rules");
        return Files.isRegularFile(rules.resolve(MARKER)) ? Optional.of(rules) : Optional.empty();
    }

    /**
     * A {@code docs/rules} folder next to the jar a class is loaded from, or up to three folders
     * above it (the repository's when run from a build; one an extension bundles beside the jar).
     */
    public static Optional<Path> besideJarOf(Class<?> type) {
        try {
            Path dir = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
                Optional<Path> found = folderIn(dir);
                if (found.isPresent()) return found;
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): no folder
        }
        return Optional.empty();
    }
}
