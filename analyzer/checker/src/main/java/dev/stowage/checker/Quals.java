package dev.stowage.checker;

/**
 * The guarantees known about one store (or box, or collection) at one place in the code, from the
 * type qualifiers of {@code dev.stowage.qual}. {@code pinned} implies {@code stable}.
 */
record Quals(boolean multiple, boolean stable, boolean pinned, boolean shared) {

    /** Nothing guaranteed: the conservative assumption. */
    static final Quals NONE = new Quals(false, false, false, false);

    Quals {
        stable = stable || pinned;
    }

    /** What both guarantee: used where two paths meet. */
    Quals meet(Quals other) {
        return new Quals(multiple && other.multiple, stable && other.stable, pinned && other.pinned, shared && other.shared);
    }

    /** What either guarantees: a use's own qualifiers added to what the flow knows. */
    Quals join(Quals other) {
        return new Quals(multiple || other.multiple, stable || other.stable, pinned || other.pinned, shared || other.shared);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (pinned) b.append("@Pinned "); else if (stable) b.append("@Stable ");
        if (multiple) b.append("@Multiple ");
        if (shared) b.append("@SharedStore ");
        return b.isEmpty() ? "(no guarantees)" : b.toString().trim();
    }
}
