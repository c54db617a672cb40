package dev.stowage.lsp.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Analyses every Java file under the workspace folders, one file at a time (so interactive analyses
 * get their turn in between), reporting progress and each file's result as it comes.
 *
 * <pre>{@code
 * Summary s = new WorkspaceAnalysis(analyzer).run(List.of(root), openText, settings, progress, results::add, () -> false);
 * }</pre>
 */
public final class WorkspaceAnalysis {

    /** Folders never analysed: build output and tool folders. */
    private static final Set<String> SKIPPED = Set.of("target", "build", "out", "node_modules", ".git", ".idea", ".vscode", ".mvn", "bin");

    /** What one run found. */
    public record Summary(int files, int filesWithFindings, int findings, int unparsable, int notAnalysed, boolean cancelled, long millis) {
        public String describe() {
            return (cancelled ? "cancelled after " : "") + files + " files analysed: " + findings + " findings in "
                    + filesWithFindings + " files" + (unparsable > 0 ? ", " + unparsable + " files with syntax errors" : "")
                    + (notAnalysed > 0 ? ", " + notAnalysed + " files NOT analysed (too large or failed; see their diagnostics)" : "")
                    + " (" + millis + " ms)";
        }
    }

    /** Progress: how many files are done of how many, and the one being analysed. */
    public interface Progress {
        void report(int done, int total, Path current);
    }

    private final DocumentAnalyzer analyzer;

    /** @param analyzer used for every file; give one without method-level reuse (it would keep every file's text) */
    public WorkspaceAnalysis(DocumentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** All {@code .java} files under the roots, build folders left out, in a stable order. */
    public static List<Path> javaFiles(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().endsWith(".java") && attrs.isRegularFile()) files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        files.sort(null);
        return files;
    }

    /**
     * @param openText the editor's text of a file that is open (unsaved edits count), or {@code null} to read the disk
     * @param results receives each file's analysis
     */
    public Summary run(List<Path> roots, Function<Path, DocumentSnapshot> openText, Settings settings, Progress progress,
            Consumer<DocumentAnalysis> results, BooleanSupplier cancelled) throws IOException {
        return run(roots, openText, snapshot -> settings, progress, results, cancelled);
    }

    /** The settings one file is analysed with; may wait (for its module's classpath); {@code null} = the run was cancelled. */
    @FunctionalInterface
    public interface SettingsForFile {
        Settings settingsFor(DocumentSnapshot snapshot) throws InterruptedException;
    }

    /** As above, with settings chosen per file (the server waits there for each module's classpath, cancellably). */
    public Summary run(List<Path> roots, Function<Path, DocumentSnapshot> openText, SettingsForFile settingsForFile, Progress progress,
            Consumer<DocumentAnalysis> results, BooleanSupplier cancelled) throws IOException {
        long start = System.nanoTime();
        List<Path> files = javaFiles(roots);
        int done = 0, withFindings = 0, findings = 0, unparsable = 0, notAnalysed = 0;
        for (Path file : files) {
            if (cancelled.getAsBoolean()) {
                return new Summary(done, withFindings, findings, unparsable, notAnalysed, true, (System.nanoTime() - start) / 1_000_000);
            }
            progress.report(done, files.size(), file);
            DocumentSnapshot snapshot = openText.apply(file);
            if (snapshot == null) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    done++;
                    continue; // unreadable (binary or vanished): nothing to report on
                }
                snapshot = new DocumentSnapshot(file.toUri().toString(), 0, text);
            }
            DocumentAnalysis analysis;
            try {
                Settings settings = settingsForFile.settingsFor(snapshot);
                if (settings == null) continue; // cancelled while waiting: the loop's check ends the run
                analysis = analyzer.analyze(snapshot, settings, cancelled);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Summary(done, withFindings, findings, unparsable, notAnalysed, true, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                if (AnalysisLimits.outOfMemory(e)) {
                    analysis = DocumentAnalysis.notAnalysed(snapshot, AnalysisLimits.outOfMemoryReason(), 0);
                } else {
                    if (cancelled.getAsBoolean()) continue;
                    analysis = DocumentAnalysis.notAnalysed(snapshot, "the analysis failed with an internal error (" + e + ")", 0);
                }
            }
            done++;
            if (analysis == null) continue;
            if (!analysis.analysed()) notAnalysed++;
            if (!analysis.parsed()) unparsable++;
            if (!analysis.findings().isEmpty()) withFindings++;
            findings += analysis.findings().size();
            results.accept(analysis);
        }
        progress.report(done, files.size(), null);
        return new Summary(done, withFindings, findings, unparsable, notAnalysed, cancelled.getAsBoolean(), (System.nanoTime() - start) / 1_000_000);
    }
}
