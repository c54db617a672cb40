package dev.stowage.lsp.bench;

import com.sun.source.util.JavacTask;
import dev.stowage.lsp.core.DocumentAnalyzer;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.protocol.StowageEngineFactory;
import dev.stowage.lsp.protocol.StowageLanguageServer;
import dev.stowage.lsp.support.TestClient;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/**
 * Editor latency: {@code didChange} → {@code publishDiagnostics} for a 1,000-line store-heavy file,
 * warm server, the real engine, over JSON-RPC (piped, in this JVM), and plain javac attribution of
 * the same file in the same JVM for the ratio. Run by {@code scripts/bench-lsp.sh}.
 *
 * <p>Each edit is a keystroke-like change inside one method body (a literal changes, or a line is
 * added or removed), in a random method; the next edit is sent when the diagnostics of the previous
 * one arrived and a pause ({@code -Dstowage.bench.pauseMs}, 100 ms by default, like a typist's;
 * 0 sends edits back to back, which makes every edit wait out the burst window). Arguments: {@code edits warmup methods mode} where mode is {@code incremental},
 * {@code full} or {@code both}.
 */
public final class LspLatencyBench {

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int methods = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String mode = args.length > 3 ? args[3] : "both";
        String classpathProperty = System.getProperty("stowage.bench.classpath");
        List<String> classpath = Arrays.stream(classpathProperty.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        Path dir = Files.createTempDirectory("stowage-lsp-bench");
        Path file = dir.resolve("bench/Heavy.java");
        Files.createDirectories(file.getParent());
        // KIND=ffm scripts/bench-lsp.sh: the JDK's FFM through the bundled library model instead of Stowage stores.
        String text = "ffm".equals(System.getProperty("stowage.bench.kind"))
                ? FfmHeavySource.generate("bench.Heavy", methods)
                : StoreHeavySource.generate("bench.Heavy", methods);
        Files.writeString(file, text);
        System.out.printf(Locale.ROOT, "file: %d lines, %d chars, %d methods; JDK %s; %d cores%n",
                text.split("\n", -1).length - 1, text.length(), methods, Runtime.version(), Runtime.getRuntime().availableProcessors());

        double javacMedian = plainJavac(text, classpath, 40);
        System.out.printf(Locale.ROOT, "plain javac attribution (parse+enter+attribute+flow, -proc:none), same JVM, median of 40 warm runs: %.1f ms%n", javacMedian);

        if (mode.equals("both") || mode.equals("full")) run("full analysis every edit (method reuse off)", false, file, text, classpath, edits, warmup, javacMedian);
        if (mode.equals("both") || mode.equals("incremental")) run("server default (method-level reuse on)", true, file, text, classpath, edits, warmup, javacMedian);
    }

    static void run(String label, boolean incremental, Path file, String original, List<String> classpath, int edits, int warmup, double javacMedian) throws Exception {
        Settings settings = Settings.defaults().withClasspath(classpath);
        String uri = file.toUri().toString();
        try (TestClient client = new TestClient(StowageEngineFactory.checker(), TestClient.noMaven(), settings)) {
            client.initialize(file.getParent().toUri().toString(), null, false);
            StowageLanguageServer server = client.running.server();
            server.analyzer().setIncremental(incremental);
            String text = original;
            client.open(uri, 1, text);
            PublishDiagnosticsParams first = client.awaitVersion(uri, 1);
            System.out.printf(Locale.ROOT, "%n== %s%nfirst analysis: %d diagnostics%n", label, first.getDiagnostics().size());
            java.util.Map<String, Long> byCode = new java.util.TreeMap<>();
            for (var d : first.getDiagnostics()) byCode.merge(d.getSource() + ":" + (d.getCode() == null ? "-" : d.getCode().getLeft()), 1L, Long::sum);
            System.out.println("  by source:code " + byCode);
            first.getDiagnostics().stream().limit(Integer.getInteger("stowage.bench.show", 0))
                    .forEach(d -> System.out.println("  " + (d.getRange().getStart().getLine() + 1) + ": " + d.getMessage().getLeft()));
            Random random = new Random(42);
            List<Double> latencies = new ArrayList<>();
            double parseTotal = 0, engineTotal = 0;
            int version = 1;
            int expectedStale = first.getDiagnostics().size();
            long pause = Long.getLong("stowage.bench.pauseMs", 100);
            for (int i = 0; i < warmup + edits; i++) {
                // A typist's pause between keystrokes (default 100 ms, about 10 keys a second); 0 = back to back.
                if (pause > 0) Thread.sleep(pause);
                Edit e = nextEdit(text, random);
                version++;
                long start = System.nanoTime();
                client.edit(uri, version, e.range(), e.newText());
                PublishDiagnosticsParams p = client.awaitVersion(uri, version);
                double ms = (System.nanoTime() - start) / 1e6;
                text = e.apply(text);
                if (p.getDiagnostics().size() != expectedStale) {
                    throw new AssertionError("edit " + i + " changed the diagnostics: " + p.getDiagnostics().size() + " vs " + expectedStale);
                }
                if (i >= warmup) {
                    latencies.add(ms);
                    long[] phases = server.analyzer().lastPhaseNanos();
                    parseTotal += phases[0] / 1e6;
                    engineTotal += phases[1] / 1e6;
                }
            }
            latencies.sort(null);
            double p50 = percentile(latencies, 50), p95 = percentile(latencies, 95);
            System.out.printf(Locale.ROOT, "%d edits after %d warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms; p50/javac %.2fx, p95/javac %.2fx; last mode %s%n",
                    latencies.size(), warmup, p50, p95, latencies.get(latencies.size() - 1), p50 / javacMedian, p95 / javacMedian,
                    server.analyzer().lastMode());
            System.out.printf(Locale.ROOT, "mean per edit: javac parse (outline) %.1f ms, engine %.1f ms, rest (debounce %d ms, JSON-RPC, conversion) %.1f ms%n",
                    parseTotal / latencies.size(), engineTotal / latencies.size(), settings.debounceMillis(),
                    latencies.stream().mapToDouble(Double::doubleValue).average().orElse(0) - (parseTotal + engineTotal) / latencies.size());
        }
    }

    /** One keystroke-like edit inside a method body. */
    record Edit(Range range, String newText, int startOffset, int endOffset) {
        String apply(String text) {
            return text.substring(0, startOffset) + newText + text.substring(endOffset);
        }
    }

    /** Changes the literal in "sum += k * N;" of a random method, or inserts or removes a comment line there. */
    static Edit nextEdit(String text, Random random) {
        List<Integer> sites = new ArrayList<>();
        for (int i = text.indexOf("sum += k * "); i >= 0; i = text.indexOf("sum += k * ", i + 1)) sites.add(i);
        int site = sites.get(random.nextInt(sites.size()));
        int lineStart = text.lastIndexOf('\n', site) + 1;
        int kind = random.nextInt(10);
        dev.stowage.lsp.core.LineMap lines = new dev.stowage.lsp.core.LineMap(text);
        if (kind < 8) {
            // Retype the number: a same-length or one-longer literal.
            int numberStart = site + "sum += k * ".length();
            int numberEnd = text.indexOf(';', numberStart);
            String replacement = Integer.toString(1 + random.nextInt(99));
            return new Edit(range(lines, numberStart, numberEnd), replacement, numberStart, numberEnd);
        }
        String comment = "            // note\n";
        if (text.startsWith(comment, lineStart - comment.length())) {
            int start = lineStart - comment.length();
            return new Edit(range(lines, start, lineStart), "", start, lineStart);
        }
        return new Edit(range(lines, lineStart, lineStart), comment, lineStart, lineStart);
    }

    static Range range(dev.stowage.lsp.core.LineMap lines, int start, int end) {
        return new Range(new Position(lines.lineOf(start), lines.characterOf(start)), new Position(lines.lineOf(end), lines.characterOf(end)));
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Median time of javac's parse, enter, attribution and flow of the text (no processors), warm, in this JVM. */
    static double plainJavac(String text, List<String> classpath, int runs) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs + 20; i++) {
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
                long start = System.nanoTime();
                SimpleJavaFileObject source = new SimpleJavaFileObject(URI.create("string:///bench/Heavy.java"), javax.tools.JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignore) {
                        return text;
                    }
                };
                JavacTask task = (JavacTask) compiler.getTask(null, fm, d -> {}, List.of("-proc:none", "-Xlint:none", "-classpath",
                        String.join(File.pathSeparator, classpath)), null, List.of(source));
                task.analyze();
                if (i >= 20) times.add((System.nanoTime() - start) / 1e6);
            }
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    static {
        // keep the reference so the class is linked with the analyzer it reports on
        DocumentAnalyzer.Mode.values();
    }
}
