package dev.stowage.checker.engine;

import java.util.Map;

/**
 * What a fix for a finding would be, as data: the language server turns it into an edit, the gate
 * prints it. Keys of {@link #data()} are listed on each {@link Kind}.
 */
public record FixHint(Kind kind, String title, Map<String, String> data) {

    public FixHint {
        data = Map.copyOf(data);
    }

    /** The kinds of fix the checker can suggest. */
    public enum Kind {
        /** Resolve the pointer again after the invalidating call. Data: {@code variable}, {@code resolveExpression}. */
        RERESOLVE,
        /** Use the handle the invalidating call returned. Data: {@code variable}, {@code invalidatingCall}. */
        USE_RETURNED_HANDLE,
        /** Suppress the finding. Data: {@code suppressKey} (e.g. {@code stowage:pointer.stale}). */
        SUPPRESS,
        /** Declare what the method invalidates. Data: {@code method}, {@code annotation} (the source to add). */
        DECLARE_INVALIDATES,
        /** Leak only from a pinned store, or keep the box. Data: {@code variable}. */
        PIN_OR_KEEP_BOX
    }
}
