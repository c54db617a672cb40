package dev.stowage.checker.api;

import java.util.List;

/**
 * A repair of a finding as edits of the analysed source, computed by the engine from javac's trees:
 * the language server offers it as a quick fix, the gate lists it in its JSON output.
 *
 * <pre>{@code
 * for (Fix fix : finding.fixes()) System.out.println(fix.title() + ": " + fix.edits());
 * }</pre>
 *
 * @param kind what the fix does
 * @param title what an editor shows; it says what the fix does and, where there is a choice, why
 * @param preferred whether this is the fix to apply by default
 * @param edits non-overlapping edits of the analysed source
 */
public record Fix(Kind kind, String title, boolean preferred, List<TextEdit> edits) {

    public Fix {
        edits = List.copyOf(edits);
    }

    /** Applies the edits to the text they were computed for. */
    public String applyTo(String text) {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted((a, b) -> Integer.compare(b.range().startOffset(), a.range().startOffset()))
                .forEach(e -> out.replace(e.range().startOffset(), e.range().endOffset(), e.newText()));
        return out.toString();
    }

    /** The kinds of fix the engine computes (docs/lsp.md lists when each is offered). */
    public enum Kind {
        /** Resolve the pointer again right after the invalidating call (with the new size after a resize, when known). */
        RERESOLVE,
        /** Keep or use the handle the invalidating call ({@code grow}, {@code shrink}) returned. */
        USE_RETURNED_HANDLE,
        /** Declare the missing {@code @Invalidates} (and import it). */
        DECLARE_INVALIDATES,
        /** {@code get()} instead of {@code leak()} on a box of an unpinned store. */
        KEEP_BOX,
        /** Take a reference of one's own ({@code @Retains}, Netty's {@code retain()}) before handing the object off. */
        RETAIN_BEFORE_HAND_OFF,
        /** Move the {@code release()}/{@code close()} after the use, in the same block. */
        MOVE_RELEASE_AFTER_USE,
        /** Copy a stack frame's buffer out to the heap before the frame ends (LWJGL's {@code MemoryStack}). */
        COPY_OUT_OF_FRAME,
        /** {@code @SuppressWarnings("stowage:<key>")} on the enclosing method, field or class. */
        SUPPRESS
    }
}
