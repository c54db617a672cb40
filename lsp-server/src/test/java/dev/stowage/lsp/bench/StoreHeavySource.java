package dev.stowage.lsp.bench;

/**
 * Generates a store-heavy Java file: many methods that allocate, resolve, grow, push and read, a
 * fifth of them with a stale pointer. Used by the latency benchmark and the soak tests.
 *
 * <pre>{@code
 * String text = StoreHeavySource.generate("bench.Heavy", 40);   // about 1,000 lines
 * }</pre>
 */
public final class StoreHeavySource {
    private StoreHeavySource() {}

    /**
     * Writes a generated file of at least the given size (scripts/bench-lsp-memory.sh):
     * {@code java ... StoreHeavySource <out.java> <chars>}; the class is {@code bench.Huge}.
     */
    public static void main(String[] args) throws java.io.IOException {
        long chars = Long.parseLong(args[1]);
        int methods = Math.max(1, (int) (chars / generate("bench.Huge", 1).length()));
        String text = generate("bench.Huge", methods);
        while (text.length() < chars) text = generate("bench.Huge", ++methods + methods / 50);
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), text);
        System.out.println(methods + " methods, " + text.length() + " chars, " + text.lines().count() + " lines");
    }

    /** The text of class {@code qualifiedName} with {@code methods} scenario methods (about 25 lines each). */
    public static String generate(String qualifiedName, int methods) {
        String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
        String name = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n");
        s.append("import static java.lang.foreign.ValueLayout.JAVA_LONG;\n\n");
        s.append("import dev.stowage.qual.Invalidates;\n");
        s.append("import dev.stowage.qual.Multiple;\n");
        s.append("import dev.stowage.store.Store;\n");
        s.append("import dev.stowage.store.StoreVec;\n");
        s.append("import java.lang.foreign.MemorySegment;\n\n");
        s.append("/** Generated: store-heavy code for the language server's latency benchmark. */\n");
        s.append("public final class ").append(name).append(" {\n");
        for (int i = 0; i < methods; i++) {
            boolean buggy = i % 5 == 4;
            s.append("\n    /** Scenario ").append(i).append(". */\n");
            s.append("    @Invalidates(\"#1\")\n");
            s.append("    public static long scenario").append(i).append("(@Multiple Store store, boolean grow) {\n");
            s.append("        long handle = store.allocate(16, 8);\n");
            s.append("        MemorySegment p = store.resolve(handle, 16);\n");
            s.append("        p.set(JAVA_LONG, 0, ").append(i).append("L);\n");
            s.append("        long sum = p.get(JAVA_LONG, 0);\n");
            s.append("        for (int k = 0; k < 4; k++) {\n");
            s.append("            sum += k * ").append(i + 1).append(";\n");
            s.append("        }\n");
            s.append("        if (grow) {\n");
            s.append("            handle = store.grow(handle, 16, 32, 8);\n");
            if (!buggy) s.append("            p = store.resolve(handle, 32);\n");
            s.append("        }\n");
            s.append("        p.set(JAVA_LONG, 8, sum);\n");
            s.append("        StoreVec vec = StoreVec.ofLongs(store);\n");
            s.append("        vec.pushLong(sum);\n");
            s.append("        vec.pushLong(").append(i).append(");\n");
            s.append("        long first = vec.getLong(0);\n");
            s.append("        MemorySegment q = store.resolve(handle, 16);\n");
            s.append("        q.set(JAVA_LONG, 0, first);\n");
            s.append("        sum += q.get(JAVA_LONG, 0);\n");
            s.append("        vec.close();\n");
            s.append("        store.deallocate(handle, grow ? 32 : 16, 8);\n");
            s.append("        return sum;\n");
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }
}
