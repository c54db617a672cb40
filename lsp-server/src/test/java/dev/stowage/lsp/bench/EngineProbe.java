package dev.stowage.lsp.bench;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Times the engine alone on the benchmark file under given javac options: {@code runs option...}. */
public final class EngineProbe {
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        List<String> options = Arrays.asList(args).subList(1, args.length);
        List<Path> cp = Arrays.stream(System.getProperty("stowage.bench.classpath").split(File.pathSeparator)).map(Path::of).toList();
        String text = StoreHeavySource.generate("bench.Heavy", Integer.getInteger("methods", 40));
        if (Boolean.getBoolean("blank")) {
            // all bodies but one blanked, like the server's method-level reuse
            text = text.replaceAll("(?s)(scenario[1-9]\\d*\\(@Multiple Store store, boolean grow\\) \\{\\n)(.*?)(\\n    \\}\\n)", "$1        throw null;$3");
        }
        StowageAnalyzer engine = new StowageAnalyzer(new AnalyzerOptions(cp, options));
        List<Double> times = new ArrayList<>();
        AnalysisResult last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = engine.analyze(List.of(new SourceInput("bench/Heavy.java", text)), () -> false);
            times.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> warm = new ArrayList<>(times.subList(runs / 2, runs));
        warm.sort(null);
        System.out.printf("options %s blank=%s: median of last %d: %.1f ms; findings %d, errors %d; first %.0f ms%n", options, Boolean.getBoolean("blank"),
                warm.size(), warm.get(warm.size() / 2), last.findings().size(), last.compilerMessages().stream().filter(m -> m.severity().name().equals("ERROR")).count(), times.get(0));
    }
}
