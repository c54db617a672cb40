package dev.stowage.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library models: contracts read from stub files ({@code .astub}) mean exactly what the same
 * annotations mean in source; the bundled JDK model makes the checker see FFM arenas and segments;
 * a stub entry that matches nothing is reported.
 */
class LibraryModelsTest {

    static final StowageAnalyzer PLAIN = new StowageAnalyzer(AnalyzerOptions.defaults());

    /** The findings ({@code key:line}) in {@code app/Test.java}, and javac's messages. */
    record Outcome(List<String> findings, List<CompilerMessage> messages) {
        List<String> warnings() {
            return messages.stream().filter(m -> m.severity() != CompilerMessage.Severity.NOTE).map(CompilerMessage::message).toList();
        }
    }

    static Outcome run(StowageAnalyzer analyzer, List<SourceInput> sources) {
        AnalysisResult result = analyzer.analyze(sources, () -> false);
        List<String> findings = result.findings().stream()
                .filter(f -> f.range().file().equals("app/Test.java"))
                .map(f -> f.key() + ":" + f.range().startLine())
                .toList();
        return new Outcome(findings, result.compilerMessages());
    }

    static Outcome jdk(String body) {
        String source = """
                package app;
                import java.lang.foreign.*;
                import static java.lang.foreign.ValueLayout.JAVA_INT;
                class Test {
                """ + body + "}\n";
        Outcome o = run(PLAIN, List.of(new SourceInput("app/Test.java", source)));
        assertTrue(o.messages().stream().noneMatch(m -> m.severity() == CompilerMessage.Severity.ERROR), () -> "compiles: " + o.messages());
        return o;
    }

    @Nested
    class TheJdkModel {

        @Test
        void aSegmentUsedAfterItsArenaClosedIsStale() {
            Outcome o = jdk("""
                    int run() {
                        Arena arena = Arena.ofConfined();
                        MemorySegment seg = arena.allocate(16);
                        arena.close();
                        return seg.get(JAVA_INT, 0);
                    }
                    """);
            assertEquals(List.of("pointer.stale:9"), o.findings());
        }

        @Test
        void theSegmentUsedBeforeCloseIsClean() {
            assertEquals(List.of(), jdk("""
                    int run() {
                        Arena arena = Arena.ofConfined();
                        MemorySegment seg = arena.allocate(16);
                        int v = seg.get(JAVA_INT, 0);
                        arena.close();
                        return v;
                    }
                    """).findings());
        }

        @Test
        void theArenaUsedAfterCloseIsClosed() {
            assertEquals(List.of("store.closed:8"), jdk("""
                    void run() {
                        Arena arena = Arena.ofShared();
                        arena.close();
                        arena.allocate(8);
                    }
                    """).findings());
        }

        @Test
        void closingOneArenaLeavesAnotherArenasSegmentsAlone() {
            assertEquals(List.of(), jdk("""
                    int run() {
                        Arena a = Arena.ofConfined();
                        Arena b = Arena.ofConfined();
                        MemorySegment seg = b.allocateFrom(JAVA_INT, 7);
                        a.close();
                        return seg.get(JAVA_INT, 0);
                    }
                    """).findings());
        }

        @Test
        void aSliceDiesWithItsSegmentsArena() {
            assertEquals(List.of("pointer.stale:10"), jdk("""
                    int run() {
                        Arena arena = Arena.ofConfined();
                        MemorySegment seg = arena.allocate(16);
                        MemorySegment slice = seg.asSlice(4).asReadOnly();
                        arena.close();
                        return slice.get(JAVA_INT, 0);
                    }
                    """).findings());
        }

        @Test
        void aReinterpretedViewDiesWithTheOriginalArenaToo() {
            assertEquals(List.of("pointer.stale:11"), jdk("""
                    int run() {
                        Arena shortLived = Arena.ofConfined();
                        Arena longLived = Arena.ofShared();
                        MemorySegment seg = shortLived.allocate(16);
                        MemorySegment view = seg.reinterpret(longLived, null);
                        shortLived.close();
                        return view.get(JAVA_INT, 0);
                    }
                    """).findings());
        }

        @Test
        void aSegmentReturnedFromTheTryThatClosesItsArenaEscapes() {
            assertEquals(List.of("pointer.escape:8"), jdk("""
                    MemorySegment run() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment seg = arena.allocate(16);
                            return seg;
                        }
                    }
                    """).findings());
        }

        @Test
        void aSegmentOfTheCallersArenaMayBeReturned() {
            assertEquals(List.of(), jdk("""
                    MemorySegment run(Arena arena, SegmentAllocator allocator) {
                        MemorySegment a = allocator.allocate(8);
                        MemorySegment seg = arena.allocate(16);
                        return a.byteSize() > 0 ? seg : a;
                    }
                    """).findings());
        }

        @Test
        void theGlobalArenasSegmentsAreNeverFreed() {
            assertEquals(List.of(), jdk("""
                    MemorySegment run() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment seg = Arena.global().allocate(16);
                            return seg;
                        }
                    }
                    """).findings());
        }

        @Test
        void aConfinedSegmentUsedByAnotherThreadIsReported() {
            assertEquals(List.of("pointer.thread:9"), jdk("""
                    void run(java.util.concurrent.ExecutorService pool) {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment seg = arena.allocate(16);
                            pool.submit(() ->
                                    seg.get(JAVA_INT, 0));
                        }
                    }
                    """).findings());
        }

        @Test
        void aSharedSegmentMayBeUsedByAnotherThread() {
            assertEquals(List.of(), jdk("""
                    void run(java.util.concurrent.ExecutorService pool) {
                        try (Arena arena = Arena.ofShared()) {
                            MemorySegment seg = arena.allocate(16);
                            pool.submit(() ->
                                    seg.get(JAVA_INT, 0));
                        }
                    }
                    """).findings());
        }

        @Test
        void aFileUsingOnlyArenaIsAnalyzed() {
            // the relevance filter must not skip the file: the finding proves the checker ran on it
            assertEquals(List.of("store.closed:7"), jdk("""
                    void run(Arena arena) {
                        arena.close();
                        arena.close();
                    }
                    """).findings());
        }

        @Test
        void theBundledModelMatchesTheJdkExactly() {
            // -AstubCheck=all: every entry is matched up front (by default a type's entries are read when first used)
            var checkAll = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-AstubCheck=all")));
            String source = "package app;\nclass Test { void run() {} }\n";
            Outcome o = run(checkAll, List.of(new SourceInput("app/Test.java", source)));
            assertEquals(List.of(), o.warnings(), "every entry of jdk.astub matches a JDK declaration");
        }

        @Test
        void readingTheModelLazilyFindsWhatReadingItAllFinds() {
            String source = """
                    package app;
                    import java.lang.foreign.*;
                    class Test {
                        MemorySegment run(long n) {
                            MemorySegment s;
                            try (Arena arena = Arena.ofConfined()) {
                                s = arena.allocate(n).asSlice(0, 8);
                            }
                            s.get(ValueLayout.JAVA_INT, 0);
                            return Arena.global().allocate(8);
                        }
                    }
                    """;
            var checkAll = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-AstubCheck=all")));
            Outcome lazy = run(PLAIN, List.of(new SourceInput("app/Test.java", source)));
            Outcome eager = run(checkAll, List.of(new SourceInput("app/Test.java", source)));
            assertEquals(List.of("pointer.stale:9"), lazy.findings());
            assertEquals(eager.findings(), lazy.findings());
        }
    }

    @Nested
    class UserStubs {

        static final SourceInput LIBRARY = new SourceInput("vendor/Pool.java", """
                package vendor;
                public final class Pool implements AutoCloseable {
                    public static Pool open() { return new Pool(); }
                    public java.lang.foreign.MemorySegment buffer(long size) { return java.lang.foreign.MemorySegment.NULL; }
                    public void reset() {}
                    public void close() {}
                }
                """);

        static final String USE = """
                package app;
                import vendor.Pool;
                import java.lang.foreign.MemorySegment;
                import static java.lang.foreign.ValueLayout.JAVA_INT;
                class Test {
                    int run() {
                        Pool pool = Pool.open();
                        MemorySegment b = pool.buffer(8);
                        pool.reset();
                        return b.get(JAVA_INT, 0);
                    }
                }
                """;

        static final String STUB = """
                package vendor;
                import dev.stowage.qual.*;
                import dev.stowage.qual.Invalidates.Effect;
                @OwnsMemory @Multiple
                public final class Pool {
                    @Creates public static Pool open();
                    @Resolves public java.lang.foreign.MemorySegment buffer(long size);
                    @Invalidates(effect = Effect.ANY) public void reset();
                }
                """;

        @Test
        void aStubContractMeansWhatTheSameAnnotationsMeanInSource(@TempDir Path dir) throws IOException {
            Path stub = Files.writeString(dir.resolve("pool.astub"), STUB);
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + stub)));
            Outcome fromStub = run(withStub, List.of(LIBRARY, new SourceInput("app/Test.java", USE)));

            String annotated = LIBRARY.content()
                    .replace("public final class Pool", "@dev.stowage.qual.OwnsMemory @dev.stowage.qual.Multiple public final class Pool")
                    .replace("public static Pool open()", "@dev.stowage.qual.Creates public static Pool open()")
                    .replace("public java.lang.foreign.MemorySegment buffer", "@dev.stowage.qual.Resolves public java.lang.foreign.MemorySegment buffer")
                    .replace("public void reset()", "@dev.stowage.qual.Invalidates(effect = dev.stowage.qual.Invalidates.Effect.ANY) public void reset()");
            Outcome fromSource = run(PLAIN, List.of(new SourceInput("vendor/Pool.java", annotated), new SourceInput("app/Test.java", USE)));

            assertEquals(List.of("pointer.stale:10"), fromStub.findings());
            assertEquals(fromSource.findings(), fromStub.findings());
        }

        @Test
        void withoutTheStubTheLibraryIsUnknown() {
            assertEquals(List.of(), run(PLAIN, List.of(LIBRARY, new SourceInput("app/Test.java", USE))).findings());
        }

        @Test
        void aDirectoryOfStubsIsRead(@TempDir Path dir) throws IOException {
            Files.createDirectories(dir.resolve("models"));
            Files.writeString(dir.resolve("models/pool.astub"), STUB);
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + dir.resolve("models"))));
            assertEquals(List.of("pointer.stale:10"), run(withStub, List.of(LIBRARY, new SourceInput("app/Test.java", USE))).findings());
        }

        @Test
        void aStubEntryThatMatchesNoMethodIsAWarning(@TempDir Path dir) throws IOException {
            Path stub = Files.writeString(dir.resolve("pool.astub"), STUB.replace("buffer(long size)", "bufer(long size)"));
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + stub)));
            Outcome o = run(withStub, List.of(LIBRARY, new SourceInput("app/Test.java", USE)));
            assertEquals(1, o.warnings().size(), () -> o.messages().toString());
            assertTrue(o.warnings().get(0).contains("bufer(long size)") && o.warnings().get(0).contains("pool.astub:7"), o.warnings().get(0));
            assertTrue(o.messages().stream().allMatch(m -> m.severity() != CompilerMessage.Severity.ERROR));
        }

        @Test
        void aStubEntryWithTheWrongParameterTypesMatchesNothing(@TempDir Path dir) throws IOException {
            Path stub = Files.writeString(dir.resolve("pool.astub"), STUB.replace("buffer(long size)", "buffer(int size)"));
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + stub, "-AstubUnmatched=error")));
            Outcome o = run(withStub, List.of(LIBRARY, new SourceInput("app/Test.java", USE)));
            assertTrue(o.messages().stream().anyMatch(m -> m.severity() == CompilerMessage.Severity.ERROR
                    && m.message().contains("buffer(int size) matches no method")), () -> o.messages().toString());
        }

        @Test
        void aMissingStubFileIsAClearError(@TempDir Path dir) {
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + dir.resolve("nope.astub"))));
            Outcome o = run(withStub, List.of(LIBRARY, new SourceInput("app/Test.java", USE)));
            assertTrue(o.messages().stream().anyMatch(m -> m.severity() == CompilerMessage.Severity.ERROR
                    && m.message().contains("nope.astub") && m.message().contains("cannot read")), () -> o.messages().toString());
        }

        @Test
        void anUnparsableStubIsAClearError(@TempDir Path dir) throws IOException {
            Path stub = Files.writeString(dir.resolve("bad.astub"), "package vendor; class {");
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + stub)));
            Outcome o = run(withStub, List.of(LIBRARY, new SourceInput("app/Test.java", USE)));
            assertTrue(o.messages().stream().anyMatch(m -> m.severity() == CompilerMessage.Severity.ERROR
                    && m.message().contains("bad.astub") && m.message().contains("cannot parse")), () -> o.messages().toString());
        }

        @Test
        void aCallThatTakesOwnershipMovesItsArgument(@TempDir Path dir) throws IOException {
            SourceInput sink = new SourceInput("vendor/Sink.java", """
                    package vendor;
                    public final class Sink {
                        public static void adopt(Pool pool) {}
                    }
                    """);
            Path stub = Files.writeString(dir.resolve("pool.astub"), STUB + """
                    package vendor;
                    import dev.stowage.qual.*;
                    public final class Sink {
                        @Invalidates(value = "#1", effect = Invalidates.Effect.MOVE) public static void adopt(Pool pool);
                    }
                    """);
            var withStub = new StowageAnalyzer(new AnalyzerOptions(List.of(), List.of("-Astubs=" + stub)));
            String use = """
                    package app;
                    import vendor.*;
                    class Test {
                        void run() {
                            Pool pool = Pool.open();
                            Sink.adopt(pool);
                            pool.reset();
                        }
                    }
                    """;
            assertEquals(List.of("use.after.move:7"), run(withStub, List.of(LIBRARY, sink, new SourceInput("app/Test.java", use))).findings());
        }
    }

    @Test
    void theBundledModelsAreListedWithTheTypeThatSwitchesThemOn() {
        List<String> names = new ArrayList<>();
        for (LibraryModels.Bundled b : LibraryModels.bundledModels()) {
            names.add(b.resource() + " " + b.activatedBy());
            assertTrue(!LibraryModels.resource(b.resource()).isBlank());
        }
        assertTrue(names.contains("jdk.astub java.lang.foreign.Arena"), names.toString());
    }

    /**
     * Reference counts ({@code @Retains}, {@code unlessReserved} releases and hand-offs) and borrowed
     * parameters ({@code @Borrows}), on a small reference-counted library annotated in source — the
     * shape of Netty's ByteBuf, pipeline and decoder, which the bundled Netty model describes.
     */
    @Nested
    class ReferenceCounts {

        static final SourceInput LIBRARY = new SourceInput("vendor/Buf.java", """
                package vendor;
                import dev.stowage.qual.*;
                import dev.stowage.qual.Invalidates.Effect;
                @OwnsMemory @ScopeChecked
                public class Buf {
                    @Creates public static Buf allocate() { return new Buf(); }
                    @Retains public Buf retain() { return this; }
                    @Invalidates(effect = Effect.CLOSE, unlessReserved = true) public boolean release() { return true; }
                    @Issues("this") public Buf slice() { return this; }
                    public int read() { return 0; }
                    public static void send(@SuppressWarnings("unused") Object pipeline, Buf b) { }
                    @Invalidates(value = "#1", effect = Effect.MOVE, unlessReserved = true) public static void handOff(Object msg) { }
                    public abstract static class Decoder {
                        @Borrows("#1") protected abstract void decode(Buf in);
                    }
                    public abstract static class Handler {
                        protected Handler() { }
                        protected Handler(boolean autoRelease) { }
                        protected Handler(Class<?> type, boolean autoRelease) { }
                        @Borrows(value = "#1", unlessConstructedWithFalse = true) protected abstract void read(Buf msg);
                    }
                    @Envelope public static class Holder extends Buf {
                        @Issues("this") public Buf content() { return this; }
                    }
                }
                """);

        List<String> check(String body) {
            String source = "package app;\nimport vendor.Buf;\nclass Test {\n" + body + "}\n";
            Outcome o = run(PLAIN, List.of(LIBRARY, new SourceInput("app/Test.java", source)));
            assertTrue(o.messages().stream().noneMatch(m -> m.severity() == CompilerMessage.Severity.ERROR), () -> "compiles: " + o.messages());
            return o.findings();
        }

        @Test
        void theMethodsLastReleaseEndsItsReference() {
            assertEquals(List.of("store.closed:7"), check("""
                    int run() {
                        Buf b = Buf.allocate();
                        b.release();
                        return b.read();
                    }
                    """));
        }

        @Test
        void eachRetainCoversOneRelease() {
            assertEquals(List.of("store.closed:10"), check("""
                    int run() {
                        Buf b = Buf.allocate();
                        b.retain();
                        b.release();
                        int first = b.read();
                        b.release();
                        return first + b.read();
                    }
                    """));
        }

        @Test
        void aHandOffMovesTheBufferUnlessItWasRetained() {
            assertEquals(List.of("use.after.move:6"), check("""
                    int moved(Buf b) {
                        Buf.handOff(b);
                        return b.read();
                    }
                    int kept(Buf b) {
                        b.retain();
                        Buf.handOff(b);
                        return b.read();
                    }
                    """));
        }

        @Test
        void handingOverARetainingCallGivesUpTheNewReference() {
            assertEquals(List.of(), check("""
                    int run(Buf b) {
                        Buf.handOff(b.retain());
                        return b.read();
                    }
                    """));
        }

        @Test
        void anObjectTypedHandOffOfAnUntrackedValueMovesNothing() {
            assertEquals(List.of(), check("""
                    String run() {
                        String text = "hello";
                        Buf.handOff(text);
                        return text.trim();
                    }
                    """));
        }

        @Test
        void aSliceDiesWithItsParentsRelease() {
            assertEquals(List.of("store.closed:7"), check("""
                    int run(Buf b) {
                        Buf part = b.slice();
                        b.release();
                        return part.read();
                    }
                    """));
        }

        @Test
        void aBorrowedParameterMustNotBeReleased() {
            assertEquals(List.of("ownership.borrowed:7"), check("""
                    static class Releasing extends Buf.Decoder {
                        @Override protected void decode(Buf in) {
                            in.read();
                            in.release();
                        }
                    }
                    static class Retaining extends Buf.Decoder {
                        @Override protected void decode(Buf in) {
                            in.retain();
                            Buf.handOff(in);
                        }
                    }
                    """));
        }

        @Test
        void aHandlerWhoseConstructorsTurnTheFlagOffOwnsItsMessage() {
            assertEquals(List.of("ownership.borrowed:6", "ownership.borrowed:11", "ownership.borrowed:24"), check("""
                    static class Default extends Buf.Handler {
                        @Override protected void read(Buf msg) {
                            msg.release();
                        }
                    }
                    static class TypedOn extends Buf.Handler {
                        TypedOn() { super(Buf.class, true); }
                        @Override protected void read(Buf msg) { Buf.handOff(msg); }
                    }
                    static class Off extends Buf.Handler {
                        Off() { super(false); }
                        @Override protected void read(Buf msg) { Buf.handOff(msg); }
                    }
                    static class Chosen extends Buf.Handler {
                        Chosen() { this(true); }
                        Chosen(boolean autoRelease) { super(Buf.class, autoRelease); }
                        @Override protected void read(Buf msg) { msg.release(); }
                    }
                    abstract static class MidOn extends Buf.Handler { }
                    static class LeafOn extends MidOn {
                        @Override protected void read(Buf msg) { msg.release(); }
                    }
                    abstract static class MidOff extends Buf.Handler { MidOff() { super(false); } }
                    static class LeafOff extends MidOff {
                        @Override protected void read(Buf msg) { msg.release(); }
                    }
                    """));
        }

        @Test
        void anEnvelopesSubtypeAccessorIsNoUseAfterRelease() {
            assertEquals(List.of("store.closed:12", "store.closed:13", "store.closed:14"), check("""
                    static class Frame extends Buf.Holder {
                        int length() { return 1; }
                    }
                    int run() {
                        Frame f = new Frame();
                        f.release();
                        int n = f.length();
                        Buf.Holder h = f;
                        h.hashCode();
                        n += f.content().read();
                        return n + f.read();
                    }
                    """));
        }

        @Test
        void releasingAParameterNeedNotBeDeclaredForAScopeCheckedType() {
            assertEquals(List.of(), check("""
                    void consume(Buf b) {
                        b.read();
                        b.release();
                    }
                    """));
        }
    }
}
