package dev.stowage.checker.api;

/**
 * The wording of every finding, in one place: patterns with {@code {n}} for argument n (see
 * {@link Message}). A template is a sentence or a clause of one; the rule a finding belongs to is
 * its {@link dev.stowage.checker.api.Rule}, not its template.
 */
public enum Template {
    // ---- stale, closed, moved (handle.stale, pointer.stale, store.closed, use.after.move)
    /** name, origin clause, captured clause, cause, what the cause did. */
    STALE_HANDLE("handle '{0}'{1}{2} used after {3} {4}"),
    STALE_POINTER("pointer '{0}'{1}{2} used after {3} {4}"),
    /** noun ("store", "ByteBuf"), name, captured clause, cause, what the cause did. */
    STALE_OBJECT("{0} '{1}'{2} used after {3} {4}"),
    ORIGIN_RESOLVED(" (resolved from '{0}' at line {1})"),
    ORIGIN_ISSUED(" (issued by '{0}' at line {1})"),
    CAPTURED_BY(", captured by '{0}',"),
    CAUSE_CALL("'{0}' at line {1}"),
    CAUSE_IMPLICIT_CLOSE("the implicit '{0}' at the end of its try-with-resources"),
    CAUSE_UNKNOWN("an earlier call"),
    /** name, origin clause, call, the object the call invalidates. */
    POINTER_INTO_INVALIDATED("pointer '{0}'{1} passed to '{2}', which may invalidate '{3}' that it points into: the callee may use it after that"),
    // ---- qualifiers (argument, assignment, return)
    QUALIFIER_ARGUMENT("incompatible argument for parameter '{0}' of '{1}': found {2}, required {3}"),
    QUALIFIER_ASSIGNMENT("incompatible types in assignment to '{0}': found {1}, required {2}"),
    QUALIFIER_RETURN("incompatible types in return from '{0}': found {1}, required {2}"),
    // ---- handle.foreign, box.leak.unpinned
    HANDLE_FOREIGN("handle '{0}'{1} used with '{2}', a different store that did not issue it"),
    BOX_LEAK("'{0}' leaks memory of {1}, which is not known to be @Pinned: the leaked pointer dies when that store moves its memory or closes"),
    // ---- pointer.escape: "pointer " name origin where tail
    POINTER_ESCAPE("pointer {0}{1} {2}{3}"),
    ESCAPE_RETURNED_UNANNOTATED("is returned from '{0}', which is not annotated @Resolves"),
    ESCAPE_RETURNED_CLOSED("is returned from '{0}', but {1}"),
    ESCAPE_TO_FIELD("escapes to field '{0}'"),
    ESCAPE_TO_ARRAY("escapes to an array element"),
    ESCAPE_CLOSED("{0}, but {1}"),
    CLOSED_ON_THE_WAY_OUT("the try-with-resources closes '{0}' (line {1}) as it leaves"),
    ESCAPE_DEAD_ON_ARRIVAL(": it is dead on arrival"),
    ESCAPE_NOT_PINNED(", but {0} is not @Pinned"),
    // ---- pointer.thread
    POINTER_THREAD("{0} belongs to a confined store and is used on another thread: '{1}' at line {2} runs this code there (the store's own thread is the only one allowed)"),
    THREAD_POINTER("pointer '{0}'{1}"),
    THREAD_OBJECT("'{0}'"),
    // ---- invalidates.undeclared, ownership.borrowed
    INVALIDATES_UNDECLARED("'{0}' invalidates {1}, but '{2}' does not declare it: add {3}"),
    OWNERSHIP_BORROWED("'{0}' {1} parameter '{2}', which '{3}' only borrows: {4} releases it after the call (retain() it first to keep a reference of your own)");

    private final String pattern;
    private final int arity;

    Template(String pattern) {
        this.pattern = pattern;
        int max = -1;
        for (int i = 0; i + 2 < pattern.length(); i++) {
            if (pattern.charAt(i) == '{' && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 2) == '}') {
                max = Math.max(max, pattern.charAt(i + 1) - '0');
            }
        }
        this.arity = max + 1;
    }

    /** The text with {@code {n}} placeholders. */
    public String pattern() {
        return pattern;
    }

    /** How many arguments it takes. */
    public int arity() {
        return arity;
    }
}
