package dev.stowage.lsp.bench;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Do extra javac options change any finding on a source tree? {@code root option...}; prints the differences. */
public final class OptionEquivalenceProbe {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<String> options = Arrays.asList(args).subList(1, args.length);
        List<Path> cp = Arrays.stream(System.getProperty("stowage.bench.classpath").split(File.pathSeparator)).map(Path::of).toList();
        List<SourceInput> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".java")).sorted().toList()) inputs.add(new SourceInput(p.toString(), Files.readString(p)));
        }
        long t0 = System.nanoTime();
        AnalysisResult plain = new StowageAnalyzer(new AnalyzerOptions(cp, List.of())).analyze(inputs, () -> false);
        long t1 = System.nanoTime();
        AnalysisResult with = new StowageAnalyzer(new AnalyzerOptions(cp, options)).analyze(inputs, () -> false);
        long t2 = System.nanoTime();
        plain.compilerMessages().stream().filter(m -> m.severity().name().equals("ERROR")).limit(5).forEach(m -> System.out.println("  error: " + m.range() + " " + m.message()));
        List<String> a = plain.findings().stream().map(OptionEquivalenceProbe::key).toList();
        List<String> b = with.findings().stream().map(OptionEquivalenceProbe::key).toList();
        System.out.printf("%d files; without %s: %d findings in %d ms; with: %d findings in %d ms; identical: %s%n", inputs.size(), options,
                a.size(), (t1 - t0) / 1_000_000, b.size(), (t2 - t1) / 1_000_000, a.equals(b));
        for (String x : a) if (!b.contains(x)) System.out.println("  only without: " + x);
        for (String x : b) if (!a.contains(x)) System.out.println("  only with: " + x);
    }

    static String key(Finding f) {
        return f.range().file() + ":" + f.range().startOffset() + "-" + f.range().endOffset() + " " + f.key() + " " + f.message();
    }
}
