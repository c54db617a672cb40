package dev.stowage.lsp.core;

import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.api.ValueFacts;
import java.util.List;
import java.util.Optional;

/**
 * Hover on a variable that holds a handle, pointer, store, box or collection: what it is, its store,
 * where it was resolved or issued, and whether it is live or stale at this place and why. Every fact
 * comes from the engine ({@link Workspace#factsAt}): the flow analysis that makes the findings, asked
 * about one place, so the hover and the diagnostics never disagree. This class only words them.
 *
 * <pre>{@code
 * String markdown = hovers.hover(snapshot, 14, 8, settings);
 * }</pre>
 */
public final class HoverService {

    private final Workspace workspace;

    public HoverService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The hover text (Markdown) at a 0-based position, or {@code null} when there is nothing Stowage-specific there. */
    public String hover(DocumentSnapshot doc, int line, int character, Settings settings) {
        String text = doc.text();
        LineMap lines = new LineMap(text);
        if (line < 0 || line >= lines.lineCount() || character < 0) return null;
        int offset = lines.offsetOf(line, character);
        String path = doc.analysisPath();
        Optional<ValueFacts> facts;
        try {
            facts = workspace.factsAt(path, List.of(new SourceInput(path, text)), offset, settings, () -> false);
        } catch (RuntimeException e) {
            return null;
        }
        return facts.map(HoverService::describe).orElse(null);
    }

    static String describe(ValueFacts f) {
        String kind = switch (f.kind()) {
            case HANDLE -> "handle";
            case POINTER -> "pointer";
            case STORE -> "store";
            case OBJECT -> "object";
        };
        StringBuilder md = new StringBuilder();
        md.append("**Stowage** · ").append(kind).append(" `").append(f.name()).append("`");
        if (f.kind() == ValueFacts.Kind.STORE || f.kind() == ValueFacts.Kind.OBJECT) {
            md.append(" · `").append(f.type()).append("`");
            md.append(f.guarantees().startsWith("@") ? " · " + f.guarantees()
                    : " · no guarantees (allocating may invalidate its other handles and pointers)");
        }
        md.append("\n\n");
        if (f.origin() != null) {
            String verb = f.kind() == ValueFacts.Kind.POINTER ? "resolved from" : "issued by";
            md.append("- ").append(verb).append(" `").append(f.origin().owner()).append("` at line ").append(f.origin().range().startLine())
                    .append(": `").append(f.origin().call()).append("`\n");
        }
        if (f.live()) {
            md.append("- live here: nothing invalidated `").append(f.name()).append("` before this point\n");
        } else {
            md.append("- **stale here** [").append(f.staleRule().key()).append("]");
            if (f.cause() != null) {
                md.append(": `").append(f.cause().call()).append("`")
                        .append(f.cause().range() != null ? " at line " + f.cause().range().startLine() : " at the end of its try-with-resources")
                        .append(' ').append(f.cause().effect());
            }
            md.append('\n');
        }
        return md.toString();
    }
}
