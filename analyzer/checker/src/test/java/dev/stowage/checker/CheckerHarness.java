package dev.stowage.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the engine on a test's source together with a small user-defined store library (the
 * checker must know stores only through their annotations, so these stand in for the runtime's).
 */
final class CheckerHarness {

    static final StowageAnalyzer ANALYZER = new StowageAnalyzer(AnalyzerOptions.defaults());

    /** The library: a store interface, stores with each guarantee, a box and a vector. */
    static final List<SourceInput> LIBRARY = List.of(
            new SourceInput("lib/MiniStore.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    import dev.stowage.qual.Invalidates.Effect;
                    import java.lang.foreign.MemorySegment;
                    public interface MiniStore extends AutoCloseable {
                        @Issues @Invalidates(effect = Effect.ALLOCATE) long allocate(long size, long align);
                        @Invalidates(effect = Effect.FREE, handle = "#1") void deallocate(long handle, long size, long align);
                        @Resolves(handle = "#1", size = "#2") MemorySegment resolve(long handle, long size);
                        @Issues @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3") long grow(long handle, long oldSize, long newSize, long align);
                        @Override @Invalidates(effect = Effect.CLOSE) void close();
                    }
                    """),
            new SourceInput("lib/Base.java", """
                    package lib;
                    import java.lang.foreign.MemorySegment;
                    abstract class Base implements MiniStore {
                        public long allocate(long size, long align) { throw new UnsupportedOperationException(); }
                        public void deallocate(long handle, long size, long align) { throw new UnsupportedOperationException(); }
                        public MemorySegment resolve(long handle, long size) { throw new UnsupportedOperationException(); }
                        public long grow(long handle, long oldSize, long newSize, long align) { throw new UnsupportedOperationException(); }
                        public void close() {}
                    }
                    """),
            new SourceInput("lib/Arena.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    public @Stable @Multiple final class Arena extends Base {}
                    """),
            new SourceInput("lib/Global.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    public @Pinned @Multiple final class Global extends Base {}
                    """),
            new SourceInput("lib/Growable.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    import dev.stowage.qual.Invalidates.Effect;
                    public @Multiple final class Growable extends Base {
                        @Invalidates(effect = Effect.RELOCATE) public void compact() {}
                    }
                    """),
            new SourceInput("lib/Inline.java", """
                    package lib;
                    public final class Inline extends Base {}
                    """),
            new SourceInput("lib/Shared.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    public @SharedStore @Stable @Multiple final class Shared extends Base {
                        public @SharedStore Shared share() { return new Shared(); }
                    }
                    """),
            new SourceInput("lib/Box.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    import dev.stowage.qual.Invalidates.Effect;
                    import java.lang.foreign.MemorySegment;
                    public final class Box implements AutoCloseable {
                        @Issues("#1") @Invalidates(value = "#1", effect = Effect.ALLOCATE)
                        public static Box allocate(MiniStore store, long size) { throw new UnsupportedOperationException(); }
                        @Resolves public MemorySegment get() { throw new UnsupportedOperationException(); }
                        @Leaks @Invalidates(effect = Effect.MOVE) public MemorySegment leak() { throw new UnsupportedOperationException(); }
                        @Issues("#1") @Invalidates(effect = Effect.MOVE) @Invalidates(value = "#1", effect = Effect.ALLOCATE)
                        public Box moveTo(MiniStore target) { throw new UnsupportedOperationException(); }
                        @Invalidates(effect = Effect.CLOSE) public void close() {}
                    }
                    """),
            new SourceInput("lib/Vec.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    import dev.stowage.qual.Invalidates.Effect;
                    import java.lang.foreign.MemorySegment;
                    public final class Vec implements AutoCloseable {
                        @Issues("#1") @Invalidates(value = "#1", effect = Effect.ALLOCATE)
                        public static Vec create(MiniStore store) { throw new UnsupportedOperationException(); }
                        @Resolves public MemorySegment get(long index) { throw new UnsupportedOperationException(); }
                        public long size() { return 0; }
                        @Invalidates(effect = Effect.ANY) public void pushLong(long value) {}
                        @Invalidates(effect = Effect.POINTERS) public void truncate(long size) {}
                        @Invalidates(effect = Effect.CLOSE) public void close() {}
                    }
                    """),
            new SourceInput("lib/Lst.java", """
                    package lib;
                    import dev.stowage.qual.*;
                    import dev.stowage.qual.Invalidates.Effect;
                    import java.lang.foreign.MemorySegment;
                    public final class Lst implements AutoCloseable {
                        @Issues("#1") public static Lst create(MiniStore store) { throw new UnsupportedOperationException(); }
                        @Resolves @Invalidates(effect = Effect.ALLOCATE) public MemorySegment pushBack() { throw new UnsupportedOperationException(); }
                        @Invalidates(effect = Effect.POINTERS) public void popFront() {}
                        @Invalidates(effect = Effect.CLOSE) public void close() {}
                    }
                    """));

    private CheckerHarness() {}

    static AnalysisResult analyze(String source) {
        List<SourceInput> all = new ArrayList<>(LIBRARY);
        all.add(new SourceInput("app/Test.java", source));
        AnalysisResult result = ANALYZER.analyze(all, () -> false);
        List<CompilerMessage> errors = result.compilerMessages().stream()
                .filter(m -> m.severity() == CompilerMessage.Severity.ERROR)
                .toList();
        assertTrue(errors.isEmpty(), () -> "the test source does not compile: " + errors);
        return result;
    }

    /** The findings in the test file, as {@code key:line}, in source order. */
    static List<String> keysAndLines(String source) {
        return analyze(source).findings().stream()
                .filter(f -> f.range().file().equals("app/Test.java"))
                .map(f -> f.key() + ":" + f.range().startLine())
                .toList();
    }

    /** Asserts the test file yields exactly these findings ({@code key:line}); none for a clean twin. */
    static void assertFindings(String source, String... expected) {
        List<String> actual = keysAndLines(source);
        assertEquals(Arrays.asList(expected), actual, () -> "findings:\n" + describe(source));
    }

    static String describe(String source) {
        StringBuilder b = new StringBuilder();
        for (Finding f : analyze(source).findings()) {
            b.append(f.range()).append(" [").append(f.key()).append("] ").append(f.message()).append('\n');
        }
        return b.toString();
    }
}
