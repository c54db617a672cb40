package dev.stowage.lsp.core;

import java.util.Locale;

/**
 * How large a document the server analyses with the heap it has. The checker's memory grows with
 * the size of the compilation unit (javac keeps every attributed tree of it, the checker a control
 * flow graph per method), so a file far larger than any hand-written class would end in an
 * {@link OutOfMemoryError} that takes the whole server's heap with it. Such a file is refused before
 * analysis, with a message that says how to raise the bound, instead.
 *
 * <pre>{@code
 * AnalysisLimits limits = AnalysisLimits.forThisJvm();     // from -Xmx, or -Dstowage.lsp.maxFileChars
 * String why = limits.refusal(text);                       // null: analyse it
 * }</pre>
 *
 * @param maxChars the largest text (in chars) that is analysed
 */
public record AnalysisLimits(long maxChars) {

    /**
     * Heap bytes allowed per char of source: the largest file is the heap divided by this. Measured
     * with {@code scripts/bench-lsp-memory.sh} (docs/benchmarks.md): the real engine on the generated
     * store-heavy file peaks at about 350 heap bytes per char on top of a ~150 MB warm server; this
     * leaves room for that and for a second document analysed at the same time.
     */
    public static final long HEAP_BYTES_PER_CHAR = 250;

    /** What the user can do about a limit: the settings that raise the heap. */
    public static final String RAISE_THE_HEAP = "raise the server's heap (VS Code: stowage.server.maxHeap; "
            + "lsp-server/bin/stowage-lsp: STOWAGE_LSP_HEAP, e.g. 2g)";

    /** The limits for this JVM: {@code -Dstowage.lsp.maxFileChars} if set, else from the maximum heap. */
    public static AnalysisLimits forThisJvm() {
        String configured = System.getProperty("stowage.lsp.maxFileChars");
        if (configured != null && !configured.isBlank()) {
            try {
                return new AnalysisLimits(Long.parseLong(configured.trim()));
            } catch (NumberFormatException e) {
                System.err.println("stowage-lsp: -Dstowage.lsp.maxFileChars=" + configured + " is not a number; using the heap's limit");
            }
        }
        return new AnalysisLimits(Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_CHAR);
    }

    /** Why this text is not analysed, or {@code null} when it is small enough. */
    public String refusal(String text) {
        if (text.length() <= maxChars) return null;
        return String.format(Locale.ROOT, "it has %s characters, more than the %s this server analyses with its %d MB heap; to analyse it, %s",
                size(text.length()), size(maxChars), Runtime.getRuntime().maxMemory() >> 20, RAISE_THE_HEAP);
    }

    /** True when the failure is, or was caused by, running out of heap (javac wraps what a processor throws). */
    public static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /** What the user is told when an analysis ran out of memory. */
    public static String outOfMemoryReason() {
        return "the server ran out of memory analysing it (heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB); to analyse it, " + RAISE_THE_HEAP;
    }

    private static String size(long chars) {
        return chars >= 1_000_000 ? String.format(Locale.ROOT, "%.1f million", chars / 1e6) : String.format(Locale.ROOT, "%,d", chars);
    }
}
