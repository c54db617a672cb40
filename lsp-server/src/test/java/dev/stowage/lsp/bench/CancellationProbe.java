package dev.stowage.lsp.bench;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How soon the engine stops after its cancel check turns true, inside one large class (scripts/bench-lsp-cancel.sh):
 * {@code CancellationProbe <methods> <cancels>}. Runs one full analysis for its duration, then cancels
 * at evenly spread moments of later runs and prints the latency from the flag to the return.
 */
public final class CancellationProbe {
    public static void main(String[] args) {
        int methods = Integer.parseInt(args[0]);
        int cancels = Integer.parseInt(args[1]);
        List<Path> cp = java.util.Arrays.stream(System.getProperty("stowage.bench.classpath").split(File.pathSeparator)).map(Path::of).toList();
        String text = StoreHeavySource.generate("bench.Heavy", methods);
        StowageAnalyzer engine = new StowageAnalyzer(new AnalyzerOptions(cp, List.of("-Aignorejdkastub")));
        List<SourceInput> sources = List.of(new SourceInput("bench/Heavy.java", text));
        engine.analyze(sources, () -> false); // warm-up
        long start = System.nanoTime();
        AnalysisResult full = engine.analyze(sources, () -> false);
        long fullNanos = System.nanoTime() - start;
        System.out.printf("%d methods, %d lines: full analysis %.0f ms, %d findings%n", methods, text.lines().count(), fullNanos / 1e6, full.findings().size());
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= cancels; i++) {
            long cancelAfter = fullNanos * i / (cancels + 1);
            AtomicLong cancelledAt = new AtomicLong();
            long runStart = System.nanoTime();
            AnalysisResult r = engine.analyze(sources, () -> {
                long now = System.nanoTime();
                if (now - runStart < cancelAfter) return false;
                cancelledAt.compareAndSet(0, runStart + cancelAfter);
                return true;
            });
            long end = System.nanoTime();
            // The flag turned true at runStart + cancelAfter whether or not anyone looked at it.
            double latency = (end - (runStart + cancelAfter)) / 1e6;
            if (!r.cancelled() && latency < 0) {
                System.out.printf("  cancel at %5.0f ms: the run had already finished%n", cancelAfter / 1e6);
                continue;
            }
            latencies.add(latency);
            System.out.printf("  cancel at %5.0f ms: returned after %6.1f ms more (cancelled=%s)%n", cancelAfter / 1e6, latency, r.cancelled());
        }
        if (latencies.isEmpty()) {
            System.out.println("no cancel hit a running analysis");
            return;
        }
        latencies.sort(null);
        int n = latencies.size();
        double median = n % 2 == 1 ? latencies.get(n / 2) : (latencies.get(n / 2 - 1) + latencies.get(n / 2)) / 2;
        System.out.printf("latency from cancel to return over %d cancels that hit a running analysis: median %.1f ms, max %.1f ms%n",
                n, median, latencies.get(n - 1));
    }
}
