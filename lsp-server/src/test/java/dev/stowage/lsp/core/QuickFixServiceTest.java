package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.checker.api.Finding;
import dev.stowage.lsp.protocol.StowageEngineFactory;
import dev.stowage.lsp.support.Corpus;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quick fixes as before/after pairs, on real analyses: the engine computes each fix from javac's
 * trees, the service maps its edits to the editor. The texts use the real runtime, Netty and LWJGL.
 */
class QuickFixServiceTest {

    private final QuickFixService service = new QuickFixService();
    static Workspace workspace;
    static Settings settings;

    @BeforeAll
    static void engine() {
        List<String> classpath = Stream.concat(Corpus.classpath().stream(),
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(e -> e.contains("netty-") || e.contains("lwjgl"))).toList();
        settings = Settings.defaults().withClasspath(classpath);
        workspace = new Workspace(new ClasspathService(dev.stowage.project.ClasspathProvider.NONE, s -> {}), StowageEngineFactory.checker(), s -> {});
    }

    /** The one finding of a key in the text (it must compile). */
    static Finding findingOf(String text, String key) {
        DocumentSnapshot doc = new DocumentSnapshot("file:///tmp/stowage-fix/demo/Demo.java", 1, text);
        DocumentAnalysis analysis = new DocumentAnalyzer(workspace, new JavaSyntax()).analyze(doc, settings, () -> false);
        assertTrue(analysis.compilerMessages().stream().noneMatch(m -> m.severity().name().equals("ERROR")), () -> analysis.compilerMessages().toString());
        return analysis.findings().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + analysis.findings()));
    }

    List<CodeFix> fixes(String text, String key) {
        return service.fixesFor(text, findingOf(text, key));
    }

    CodeFix fix(String text, String key, String titleStart) {
        return fixes(text, key).stream().filter(f -> f.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no fix '" + titleStart + "…' in " + fixes(text, key)));
    }

    static final String STALE_POINTER = """
            package demo;

            import dev.stowage.qual.Invalidates;
            import dev.stowage.store.Store;
            import java.lang.foreign.MemorySegment;

            class Demo {
                @Invalidates("#1")
                static void run(Store store) {
                    long h = store.allocate(16, 8);
                    MemorySegment p = store.resolve(h, 16);
                    h = store.grow(h, 16, 32, 8);
                    p.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 1);   // the stale use
                }
            }
            """;

    @Test
    void aStalePointerIsResolvedAgainRightAfterTheGrowWithTheNewSize() {
        CodeFix fix = fixes(STALE_POINTER, "pointer.stale").get(0);
        assertEquals("Resolve 'p' again after the call that invalidated it: p = store.resolve(h, 32)", fix.title());
        assertTrue(fix.preferred());
        assertEquals(STALE_POINTER.replace("        h = store.grow(h, 16, 32, 8);\n",
                "        h = store.grow(h, 16, 32, 8);\n        p = store.resolve(h, 32);\n"), fix.applyTo(STALE_POINTER));
    }

    @Test
    void afterAGrowIntoAnotherVariableTheNewHandleIsResolved() {
        String text = STALE_POINTER.replace("h = store.grow(h, 16, 32, 8);", "long bigger = store.grow(h, 16, 64, 8);");
        CodeFix fix = fix(text, "pointer.stale", "Resolve");
        assertTrue(fix.applyTo(text).contains("        long bigger = store.grow(h, 16, 64, 8);\n        p = store.resolve(bigger, 64);\n"),
                fix.applyTo(text));
    }

    @Test
    void withoutAResizeTheResolveIsRepeatedAsWritten() {
        String text = STALE_POINTER.replace("h = store.grow(h, 16, 32, 8);", "store.allocate(64, 8);").replace("Store store", "dev.stowage.store.GrowableStore store");
        CodeFix fix = fix(text, "pointer.stale", "Resolve");
        assertTrue(fix.applyTo(text).contains("        store.allocate(64, 8);\n        p = store.resolve(h, 16);\n"), fix.applyTo(text));
    }

    static final String DROPPED_HANDLE = """
            class Demo {
                @dev.stowage.qual.Invalidates("#1")
                static void run(dev.stowage.store.Store store) {
                    long h = store.allocate(16, 8);
                    store.grow(h, 16, 32, 8);
                    store.resolve(h, 32);
                }
            }
            """;

    @Test
    void aHandleDroppedByGrowIsKeptInTheVariable() {
        CodeFix fix = fixes(DROPPED_HANDLE, "handle.stale").get(0);
        assertEquals(DROPPED_HANDLE.replace("        store.grow(h, 16, 32, 8);", "        h = store.grow(h, 16, 32, 8);"), fix.applyTo(DROPPED_HANDLE));
    }

    @Test
    void aHandleGrowReturnedIntoAnotherVariableIsUsedInstead() {
        String text = DROPPED_HANDLE.replace("        store.grow(h, 16, 32, 8);", "        long bigger = store.grow(h, 16, 32, 8);");
        CodeFix fix = fixes(text, "handle.stale").get(0);
        assertEquals(text.replace("store.resolve(h, 32)", "store.resolve(bigger, 32)"), fix.applyTo(text));
    }

    static final String UNDECLARED = """
            package demo;

            import dev.stowage.store.Store;

            class Demo {
                /** Refills the store. */
                static void refill(Store store) {
                    store.allocate(8, 8);
                }
            }
            """;

    @Test
    void theMissingInvalidatesIsDeclaredWithItsImportAndTheFormattingKept() {
        CodeFix fix = fixes(UNDECLARED, "invalidates.undeclared").get(0);
        assertEquals("Declare @Invalidates(value = \"#1\", effect = Invalidates.Effect.ALLOCATE) on 'refill'", fix.title());
        assertEquals("""
                package demo;

                import dev.stowage.store.Store;
                import dev.stowage.qual.Invalidates;

                class Demo {
                    /** Refills the store. */
                    @Invalidates(value = "#1", effect = Invalidates.Effect.ALLOCATE)
                    static void refill(Store store) {
                        store.allocate(8, 8);
                    }
                }
                """, fix.applyTo(UNDECLARED));
    }

    @Test
    void suppressingAddsSuppressWarningsToTheEnclosingMethodOrExtendsAnExistingOne() {
        CodeFix suppress = fix(STALE_POINTER, "pointer.stale", "Suppress");
        assertEquals("Suppress [pointer.stale] on 'run' with @SuppressWarnings(\"stowage:pointer.stale\")", suppress.title());
        assertEquals(STALE_POINTER.replace("    @Invalidates(\"#1\")\n    static void run(", "    @SuppressWarnings(\"stowage:pointer.stale\")\n    @Invalidates(\"#1\")\n    static void run("),
                suppress.applyTo(STALE_POINTER));

        String already = STALE_POINTER.replace("    static void run(", "    @SuppressWarnings(\"unchecked\")\n    static void run(");
        assertTrue(fix(already, "pointer.stale", "Suppress").applyTo(already).contains("@SuppressWarnings({\"unchecked\", \"stowage:pointer.stale\"})"));
        String array = STALE_POINTER.replace("    static void run(", "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})\n    static void run(");
        assertTrue(fix(array, "pointer.stale", "Suppress").applyTo(array).contains("@SuppressWarnings({\"unchecked\", \"rawtypes\", \"stowage:pointer.stale\"})"));
    }

    static final String LEAK = """
            class Demo {
                static java.lang.foreign.MemorySegment run(dev.stowage.store.StoreBox box) {
                    return box.leak();
                }
            }
            """;

    @Test
    void leakingFromAnUnpinnedStoreOffersToKeepTheBoxAndSaysWhy() {
        CodeFix keep = fix(LEAK, "box.leak.unpinned", "Keep the box");
        assertTrue(keep.title().startsWith("Keep the box: use 'box.get()' instead of 'leak()'"), keep.title());
        assertTrue(keep.title().contains("@Pinned"), keep.title());
        assertEquals(LEAK.replace("box.leak()", "box.get()"), keep.applyTo(LEAK));
    }

    @Test
    void editsThatDoNotFitTheTextAreNotOffered() {
        Finding f = findingOf(STALE_POINTER, "pointer.stale");
        assertTrue(service.fixesFor("class Shorter {}", f).isEmpty(), "a fix belongs to the text that was analysed");
    }

    static final String HANDED_OFF = """
            package demo;

            import io.netty.buffer.ByteBuf;
            import io.netty.channel.ChannelHandlerContext;

            class Demo {
                static int reply(ChannelHandlerContext ctx, ByteBuf reply) {
                    ctx.writeAndFlush(reply);
                    return reply.getInt(0);
                }
            }
            """;

    @Test
    void aBufferUsedAfterItWasHandedOffIsRetainedBeforeTheHandOff() {
        CodeFix retain = fix(HANDED_OFF, "use.after.move", "Retain");
        assertEquals("Retain 'reply' before handing it off (reply.retain()), and release it when this method is done with it", retain.title());
        assertEquals(HANDED_OFF.replace("        ctx.writeAndFlush(reply);\n",
                "        reply.retain();\n        ctx.writeAndFlush(reply);\n"), retain.applyTo(HANDED_OFF));
    }

    static final String RELEASED = """
            package demo;

            import io.netty.buffer.ByteBuf;

            class Demo {
                static void log(ByteBuf buf, StringBuilder out) {
                    buf.release();
                    out.append(buf.readableBytes());
                }
            }
            """;

    @Test
    void aUseAfterReleaseInTheSameBlockMovesTheReleaseAfterTheUse() {
        CodeFix move = fix(RELEASED, "store.closed", "Move");
        assertEquals("Move 'buf.release()' after this use of it", move.title());
        assertTrue(move.preferred());
        assertEquals("""
                package demo;

                import io.netty.buffer.ByteBuf;

                class Demo {
                    static void log(ByteBuf buf, StringBuilder out) {
                        out.append(buf.readableBytes());
                        buf.release();
                    }
                }
                """, move.applyTo(RELEASED));
    }

    @Test
    void aReleaseIsNotMovedPastAReturn() {
        String text = RELEASED.replace("static void log", "static int log").replace("out.append(buf.readableBytes());", "return buf.readableBytes();");
        assertTrue(fixes(text, "store.closed").stream().noneMatch(c -> c.title().startsWith("Move")));
    }

    // ---- LWJGL's MemoryStack: copy out of a stack frame (issue 13, item 4)

    /** The analysis of a fixed text: it must compile and have no finding of the key any more. */
    static void assertFixed(String fixed, String key) {
        DocumentSnapshot doc = new DocumentSnapshot("file:///tmp/stowage-fix/demo/Demo.java", 2, fixed);
        DocumentAnalysis analysis = new DocumentAnalyzer(workspace, new JavaSyntax()).analyze(doc, settings, () -> false);
        assertTrue(analysis.compilerMessages().stream().noneMatch(m -> m.severity().name().equals("ERROR")),
                () -> analysis.compilerMessages() + "\n" + fixed);
        assertTrue(analysis.findings().stream().noneMatch(f -> f.key().equals(key)), () -> analysis.findings() + "\n" + fixed);
    }

    static final String FRAME_ESCAPE = """
            package demo;

            import java.nio.IntBuffer;
            import org.lwjgl.system.MemoryStack;

            class Demo {
                static IntBuffer size() {
                    try (MemoryStack stack = MemoryStack.stackPush()) {
                        IntBuffer size = stack.mallocInt(2);
                        size.put(0, 640).put(1, 480);
                        return size;
                    }
                }
            }
            """;

    @Test
    void aStackBufferReturnedOutOfItsFrameIsCopiedOutInstead() {
        CodeFix copy = fix(FRAME_ESCAPE, "pointer.escape", "Copy");
        assertEquals("Copy 'size' out of the stack frame before it ends, into a heap buffer (IntBuffer.allocate; not for native calls)", copy.title());
        assertTrue(copy.preferred());
        String fixed = copy.applyTo(FRAME_ESCAPE);
        assertEquals(FRAME_ESCAPE.replace("return size;",
                "return IntBuffer.allocate(size.capacity()).put(size.duplicate().clear()).limit(size.limit()).position(size.position());"), fixed);
        assertFixed(fixed, "pointer.escape");
    }

    static final String FRAME_ENDED = """
            package demo;

            import org.lwjgl.system.MemoryStack;

            class Demo {
                static int header() {
                    java.nio.ByteBuffer header;
                    try (MemoryStack stack = MemoryStack.stackPush()) {
                        header = stack.malloc(8);
                        header.putInt(0, 42);
                    }
                    return header.getInt(0);
                }
            }
            """;

    @Test
    void aStackBufferUsedAfterItsFrameIsCopiedBeforeTheFrameEnds() {
        CodeFix copy = fix(FRAME_ENDED, "pointer.stale", "Copy");
        assertEquals("Copy 'header' out of the stack frame before it ends, into a direct buffer the garbage collector frees (ByteBuffer.allocateDirect)",
                copy.title());
        String fixed = copy.applyTo(FRAME_ENDED);
        assertTrue(fixed.contains("""
                            header.putInt(0, 42);
                            header = ByteBuffer.allocateDirect(header.capacity()).order(header.order()).put(header.duplicate().clear()).limit(header.limit()).position(header.position());
                        }
                """), fixed);
        assertTrue(fixed.contains("import org.lwjgl.system.MemoryStack;\nimport java.nio.ByteBuffer;\n"), fixed);
        assertFixed(fixed, "pointer.stale");
        assertTrue(fixes(FRAME_ENDED, "pointer.stale").stream().noneMatch(f -> f.title().startsWith("Resolve")),
                "nothing to resolve again from once the frame is gone");
    }

    @Test
    void afterAnExplicitPopTheCopyGoesRightBeforeIt() {
        String text = """
                package demo;

                import java.nio.ByteBuffer;
                import org.lwjgl.system.MemoryStack;

                class Demo {
                    static int header(MemoryStack stack) {
                        stack.push();
                        ByteBuffer header = stack.malloc(8);
                        header.putInt(0, 42);
                        stack.pop();
                        return header.getInt(0);
                    }
                }
                """;
        CodeFix copy = fix(text, "pointer.stale", "Copy");
        String fixed = copy.applyTo(text);
        assertTrue(fixed.contains("        header.putInt(0, 42);\n        header = ByteBuffer.allocateDirect(header.capacity())"), fixed);
        assertTrue(fixed.contains(".position(header.position());\n        stack.pop();\n"), fixed);
        assertFixed(fixed, "pointer.stale");
    }
}
