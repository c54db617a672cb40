package dev.stowage.lsp.bench;

/**
 * Generates an FFM-heavy Java file (the JDK's {@code java.lang.foreign}, checked through the bundled
 * library model): arenas in try-with-resources, allocations, slices, slicing allocators, a task on a
 * pool; a fifth of the methods read a segment after its arena closed. Used by the latency benchmark
 * ({@code KIND=ffm scripts/bench-lsp.sh}).
 *
 * <pre>{@code
 * String text = FfmHeavySource.generate("bench.Heavy", 40);   // about 1,000 lines
 * }</pre>
 */
public final class FfmHeavySource {
    private FfmHeavySource() {}

    /** The text of class {@code qualifiedName} with {@code methods} scenario methods (about 25 lines each). */
    public static String generate(String qualifiedName, int methods) {
        String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
        String name = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n");
        s.append("import static java.lang.foreign.ValueLayout.JAVA_LONG;\n\n");
        s.append("import java.lang.foreign.Arena;\n");
        s.append("import java.lang.foreign.MemorySegment;\n");
        s.append("import java.lang.foreign.SegmentAllocator;\n");
        s.append("import java.util.concurrent.ExecutorService;\n\n");
        s.append("/** Generated: FFM-heavy code for the language server's latency benchmark. */\n");
        s.append("public final class ").append(name).append(" {\n");
        for (int i = 0; i < methods; i++) {
            boolean buggy = i % 5 == 4;
            s.append("\n    /** Scenario ").append(i).append(". */\n");
            s.append("    public static long scenario").append(i).append("(ExecutorService pool, boolean slice) throws Exception {\n");
            s.append("        MemorySegment kept;\n");
            s.append("        long sum = 0;\n");
            s.append("        try (Arena arena = Arena.ofConfined()) {\n");
            s.append("            MemorySegment block = arena.allocate(JAVA_LONG, 8);\n");
            s.append("            block.setAtIndex(JAVA_LONG, 0, ").append(i).append("L);\n");
            s.append("            SegmentAllocator slicer = SegmentAllocator.slicingAllocator(block);\n");
            s.append("            MemorySegment cell = slicer.allocate(JAVA_LONG);\n");
            s.append("            for (int k = 0; k < 4; k++) {\n");
            s.append("                sum += k * ").append(i + 1).append(";\n");
            s.append("                sum += cell.get(JAVA_LONG, 0);\n");
            s.append("            }\n");
            s.append("            kept = slice ? block.asSlice(8) : block;\n");
            s.append("            long copy = kept.get(JAVA_LONG, 0);\n");
            s.append("            sum += pool.submit(() -> copy + 1).get();\n");
            s.append("        }\n");
            s.append("        try (Arena shared = Arena.ofShared()) {\n");
            s.append("            MemorySegment text = shared.allocateFrom(\"s").append(i).append("\");\n");
            s.append("            sum += text.byteSize();\n");
            s.append("        }\n");
            if (buggy) {
                s.append("        sum += kept.get(JAVA_LONG, 0);\n");
            } else {
                s.append("        sum += 1;\n");
            }
            s.append("        return sum;\n");
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }
}
