package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.checker.engine.Finding;
import dev.stowage.checker.engine.FixHint;
import dev.stowage.checker.engine.RelatedLocation;
import dev.stowage.checker.engine.SourceRange;
import dev.stowage.lsp.support.FakeEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quick fixes as before/after pairs, from findings made by hand the way the checker reports them. */
class QuickFixServiceTest {

    private final QuickFixService service = new QuickFixService();

    /** The n-th (from 0) occurrence of the fragment that does not sit inside a longer identifier. */
    static SourceRange at(String text, String fragment, int occurrence) {
        int i = -1;
        for (int k = 0; k <= occurrence; k++) {
            i = text.indexOf(fragment, i + 1);
            while (i >= 0 && ((i > 0 && Character.isJavaIdentifierPart(text.charAt(i - 1)))
                    || (i + fragment.length() < text.length() && Character.isJavaIdentifierPart(fragment.charAt(fragment.length() - 1))
                            && Character.isJavaIdentifierPart(text.charAt(i + fragment.length()))))) {
                i = text.indexOf(fragment, i + 1);
            }
        }
        assertTrue(i >= 0, fragment);
        return FakeEngine.range("Demo.java", new LineMap(text), i, i + fragment.length());
    }

    static final String STALE_POINTER = """
            package demo;

            import dev.stowage.store.Store;
            import java.lang.foreign.MemorySegment;

            class Demo {
                static void run(Store store) {
                    long h = store.allocate(16, 8);
                    MemorySegment p = store.resolve(h, 16);
                    h = store.grow(h, 16, 32, 8);
                    p.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 1);   // the stale use
                }
            }
            """;

    @Test
    void aStalePointerIsResolvedAgainRightAfterTheInvalidatingCall() {
        Finding f = new Finding("pointer.stale", "pointer 'p' (resolved from 'store' at line 9) used after 'store.grow(...)' at line 10 may have moved its memory",
                at(STALE_POINTER, "p", 1), List.of(
                        new RelatedLocation(RelatedLocation.Role.ORIGIN, at(STALE_POINTER, "store.resolve(h, 16)", 0), "resolved here"),
                        new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(STALE_POINTER, "store.grow(h, 16, 32, 8)", 0), "'store.grow(...)' may have moved the memory")),
                List.of(new FixHint(FixHint.Kind.RERESOLVE, "resolve again", Map.of("variable", "p", "resolveExpression", "store.resolve(h, 32)"))));
        List<CodeFix> fixes = service.fixesFor(STALE_POINTER, f);
        assertEquals("Resolve 'p' again after the call that invalidated it: p = store.resolve(h, 32)", fixes.get(0).title());
        assertTrue(fixes.get(0).preferred());
        assertEquals(STALE_POINTER.replace("        h = store.grow(h, 16, 32, 8);\n",
                "        h = store.grow(h, 16, 32, 8);\n        p = store.resolve(h, 32);\n"), fixes.get(0).applyTo(STALE_POINTER));
    }

    @Test
    void withoutAHintTheResolveExpressionIsTakenFromWhereThePointerCameFrom() {
        Finding f = new Finding("pointer.stale", "pointer 'p' stale", at(STALE_POINTER, "p", 1), List.of(
                new RelatedLocation(RelatedLocation.Role.ORIGIN, at(STALE_POINTER, "store.resolve(h, 16)", 0), "resolved here"),
                new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(STALE_POINTER, "store.grow", 0), "grow")), List.of());
        String fixed = service.fixesFor(STALE_POINTER, f).get(0).applyTo(STALE_POINTER);
        assertTrue(fixed.contains("        h = store.grow(h, 16, 32, 8);\n        p = store.resolve(h, 16);\n"), fixed);
    }

    static final String DROPPED_HANDLE = """
            class Demo {
                static void run(dev.stowage.store.Store store) {
                    long h = store.allocate(16, 8);
                    store.grow(h, 16, 32, 8);
                    store.resolve(h, 32);
                }
            }
            """;

    @Test
    void aHandleDroppedByGrowIsKeptInTheVariable() {
        Finding f = new Finding("handle.stale", "handle 'h' used after 'store.grow(...)'", at(DROPPED_HANDLE, "h", 2),
                List.of(new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(DROPPED_HANDLE, "store.grow(h, 16, 32, 8)", 0), "grow")),
                List.of(new FixHint(FixHint.Kind.USE_RETURNED_HANDLE, "use the returned handle", Map.of("variable", "h", "invalidatingCall", "store.grow(h, 16, 32, 8)"))));
        CodeFix fix = service.fixesFor(DROPPED_HANDLE, f).get(0);
        assertEquals(DROPPED_HANDLE.replace("        store.grow(h, 16, 32, 8);", "        h = store.grow(h, 16, 32, 8);"), fix.applyTo(DROPPED_HANDLE));
    }

    @Test
    void aHandleGrowReturnedIntoAnotherVariableIsUsedInstead() {
        String text = DROPPED_HANDLE.replace("        store.grow(h, 16, 32, 8);", "        long bigger = store.grow(h, 16, 32, 8);");
        Finding f = new Finding("handle.stale", "handle 'h' used after 'store.grow(...)'", at(text, "h", 2),
                List.of(new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(text, "store.grow(h, 16, 32, 8)", 0), "grow")), List.of());
        CodeFix fix = service.fixesFor(text, f).get(0);
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
        Finding f = new Finding("invalidates.undeclared", "method 'refill' invalidates parameter 'store' without declaring it",
                at(UNDECLARED, "store.allocate(8, 8)", 0), List.of(),
                List.of(new FixHint(FixHint.Kind.DECLARE_INVALIDATES, "declare", Map.of("method", "refill", "annotation", "@Invalidates(\"#1\")"))));
        CodeFix fix = service.fixesFor(UNDECLARED, f).get(0);
        assertEquals("Declare @Invalidates(\"#1\") on 'refill'", fix.title());
        String fixed = fix.applyTo(UNDECLARED);
        assertTrue(fixed.contains("import dev.stowage.qual.Invalidates;"), fixed);
        assertTrue(fixed.contains("    /** Refills the store. */\n    @Invalidates(\"#1\")\n    static void refill(Store store) {\n        store.allocate(8, 8);\n    }"), fixed);
        assertTrue(fixed.startsWith("package demo;\n\nimport dev.stowage.store.Store;"), fixed);
    }

    @Test
    void suppressingAddsSuppressWarningsToTheEnclosingMethodOrExtendsAnExistingOne() {
        Finding f = new Finding("pointer.stale", "stale", at(STALE_POINTER, "p", 1), List.of(), List.of());
        CodeFix suppress = service.fixesFor(STALE_POINTER, f).stream().filter(x -> x.title().startsWith("Suppress")).findFirst().orElseThrow();
        String fixed = suppress.applyTo(STALE_POINTER);
        assertEquals(STALE_POINTER.replace("    static void run(Store store) {", "    @SuppressWarnings(\"stowage:pointer.stale\")\n    static void run(Store store) {"), fixed);

        String already = STALE_POINTER.replace("    static void run(", "    @SuppressWarnings(\"unchecked\")\n    static void run(");
        Finding g = new Finding("pointer.stale", "stale", at(already, "p", 1), List.of(), List.of());
        String extended = service.fixesFor(already, g).stream().filter(x -> x.title().startsWith("Suppress")).findFirst().orElseThrow().applyTo(already);
        assertTrue(extended.contains("@SuppressWarnings({ \"unchecked\", \"stowage:pointer.stale\" })")
                || extended.contains("@SuppressWarnings({\"unchecked\", \"stowage:pointer.stale\"})"), extended);
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
        Finding f = new Finding("box.leak.unpinned", "leak() on a box whose store is not @Pinned", at(LEAK, "box.leak()", 0), List.of(),
                List.of(new FixHint(FixHint.Kind.PIN_OR_KEEP_BOX, "pin or keep", Map.of("variable", "box"))));
        CodeFix keep = service.fixesFor(LEAK, f).get(0);
        assertTrue(keep.title().startsWith("Keep the box: use 'box.get()' instead of 'leak()'"), keep.title());
        assertTrue(keep.title().contains("@Pinned"), keep.title());
        assertEquals(LEAK.replace("box.leak()", "box.get()"), keep.applyTo(LEAK));
    }

    @Test
    void aTextThatDoesNotParseGetsNoFixRatherThanABrokenOne() {
        String broken = STALE_POINTER.replace("p.set(", "p.set((");
        Finding f = new Finding("pointer.stale", "stale", at(broken, "p", 1), List.of(), List.of());
        assertTrue(service.fixesFor(broken, f).isEmpty());
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
        Finding f = new Finding("use.after.move", "ByteBuf 'reply' used after 'ctx.writeAndFlush(...)' at line 8 moved it",
                at(HANDED_OFF, "reply", 2), List.of(
                        new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(HANDED_OFF, "ctx.writeAndFlush(reply)", 0), "'ctx.writeAndFlush(...)' moved it")),
                List.of());
        CodeFix retain = service.fixesFor(HANDED_OFF, f).stream().filter(c -> c.title().startsWith("Retain")).findFirst().orElseThrow();
        assertEquals("Retain 'reply' before handing it off (reply.retain()), and release it when this method is done with it", retain.title());
        assertEquals(HANDED_OFF.replace("        ctx.writeAndFlush(reply);\n",
                "        reply.retain();\n        ctx.writeAndFlush(reply);\n"), retain.applyTo(HANDED_OFF));
    }

    @Test
    void noRetainIsOfferedWhenTheMovingCallIsNoHandOffOfThatVariable() {
        String text = HANDED_OFF.replace("ctx.writeAndFlush(reply);", "ctx.writeAndFlush(reply.copy());");
        Finding f = new Finding("use.after.move", "moved", at(text, "reply", 3), List.of(
                new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(text, "ctx.writeAndFlush(reply.copy())", 0), "moved")), List.of());
        assertTrue(service.fixesFor(text, f).stream().noneMatch(c -> c.title().startsWith("Retain")));
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
        Finding f = new Finding("store.closed", "ByteBuf 'buf' used after 'buf.release()' at line 7 closed it",
                at(RELEASED, "buf", 2), List.of(
                        new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(RELEASED, "buf.release()", 0), "'buf.release()' closed it")),
                List.of());
        CodeFix move = service.fixesFor(RELEASED, f).get(0);
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
        Finding f = new Finding("store.closed", "closed", at(text, "buf", 2), List.of(
                new RelatedLocation(RelatedLocation.Role.INVALIDATION, at(text, "buf.release()", 0), "closed")), List.of());
        assertTrue(service.fixesFor(text, f).stream().noneMatch(c -> c.title().startsWith("Move")));
    }
}
