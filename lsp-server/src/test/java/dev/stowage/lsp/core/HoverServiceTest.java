package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.lsp.protocol.StowageEngineFactory;
import dev.stowage.lsp.support.Corpus;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hover texts on a real analysis: what a value is, where it came from, and whether it is stale here. */
class HoverServiceTest {

    static final String TEXT = """
            package demo;

            import static java.lang.foreign.ValueLayout.JAVA_LONG;

            import dev.stowage.qual.Invalidates;
            import dev.stowage.qual.Multiple;
            import dev.stowage.store.ArenaStore;
            import dev.stowage.store.Store;
            import java.lang.foreign.MemorySegment;

            public final class Demo {
                @Invalidates("#1")
                public static void run(@Multiple Store store) {
                    long handle = store.allocate(16, 8);
                    MemorySegment p = store.resolve(handle, 16);
                    p.set(JAVA_LONG, 0, 1);
                    handle = store.grow(handle, 16, 32, 8);
                    p.set(JAVA_LONG, 0, 2);
                    int plain = 3;
                    try (ArenaStore arena = new ArenaStore()) {
                        arena.allocate(8, 8);
                    }
                }
            }
            """;

    static Settings settings;
    static Workspace workspace;
    static DocumentAnalysis analysis;
    static DocumentSnapshot doc = new DocumentSnapshot("file:///tmp/stowage-hover/demo/Demo.java", 1, TEXT);

    @BeforeAll
    static void analyse() {
        settings = Settings.defaults().withClasspath(Corpus.classpath());
        workspace = new Workspace(new ClasspathService(dev.stowage.project.ClasspathProvider.NONE, s -> {}), StowageEngineFactory.checker(), s -> {});
        analysis = new DocumentAnalyzer(workspace, new JavaSyntax()).analyze(doc, settings, () -> false);
        assertTrue(analysis.findings().stream().anyMatch(f -> f.key().equals("pointer.stale")), "the engine reports the stale use: " + analysis);
    }

    static String hoverAt(int line1, String fragment) {
        String lineText = TEXT.split("\n")[line1 - 1];
        int col = lineText.indexOf(fragment);
        assertTrue(col >= 0, fragment + " on line " + line1);
        return new HoverService(workspace).hover(doc, line1 - 1, col, settings);
    }

    @Test
    void aStaleUseOfAPointerSaysWhereItWasResolvedAndWhatMadeItStale() {
        String md = hoverAt(18, "p.set");
        assertNotNull(md);
        assertTrue(md.contains("pointer `p`"), md);
        assertTrue(md.contains("resolved from `store` at line 15"), md);
        assertTrue(md.contains("**stale here** [pointer.stale]"), md);
        assertTrue(md.contains("`store.grow(...)` at line 17 may have moved its memory"), md);
    }

    @Test
    void theSamePointerBeforeTheGrowIsLive() {
        String md = hoverAt(16, "p.set");
        assertTrue(md.contains("pointer `p`"), md);
        assertTrue(md.contains("live here"), md);
        assertTrue(hoverAt(15, "p =").contains("resolved from `store` at line 15"));
    }

    @Test
    void aHandleSaysWhichStoreIssuedIt() {
        String md = hoverAt(15, "handle, 16");
        assertTrue(md.contains("handle `handle`"), md);
        assertTrue(md.contains("issued by `store` at line 14"), md);
    }

    @Test
    void aStoreShowsItsTypeAndGuarantees() {
        String md = hoverAt(21, "arena.allocate");
        assertTrue(md.contains("store `arena`"), md);
        assertTrue(md.contains("`ArenaStore`"), md);
        assertTrue(md.contains("@Stable") && md.contains("@Multiple"), md);
    }

    @Test
    void plainValuesAndPlacesOutsideTheTextHaveNoHover() {
        assertNull(hoverAt(19, "plain"));
        assertNull(new HoverService(workspace).hover(doc, 500, 3, settings));
        assertNull(new HoverService(workspace).hover(doc, -1, -1, settings));
    }
}
