package dev.stowage.checker;

/**
 * The guarantees known about one store (or box, or collection) at one place in the code, from the
 * type qualifiers of {@code dev.stowage.qual}. {@code pinned} implies {@code stable}.
 * {@code confined} ({@code @Confined}) is a restriction rather than a guarantee: where two paths
 * meet, a store that may be confined is treated as confined. {@code scopeChecked}
 * ({@code @ScopeChecked}) says its pointers check liveness at every access. {@code persistent}
 * ({@code @Persistent}) says its handles outlive the object's {@code close()}.
 */
record Quals(boolean multiple, boolean stable, boolean pinned, boolean shared, boolean confined, boolean scopeChecked,
        boolean persistent) {

    /** Nothing guaranteed: the conservative assumption. */
    static final Quals NONE = new Quals(false, false, false, false, false, false, false);

    Quals {
        stable = stable || pinned;
    }

    Quals(boolean multiple, boolean stable, boolean pinned, boolean shared) {
        this(multiple, stable, pinned, shared, false, false, false);
    }

    Quals(boolean multiple, boolean stable, boolean pinned, boolean shared, boolean confined, boolean scopeChecked) {
        this(multiple, stable, pinned, shared, confined, scopeChecked, false);
    }

    /** What both guarantee: used where two paths meet. */
    Quals meet(Quals other) {
        return new Quals(multiple && other.multiple, stable && other.stable, pinned && other.pinned, shared && other.shared,
                confined || other.confined, scopeChecked && other.scopeChecked, persistent && other.persistent);
    }

    /** What either guarantees: a use's own qualifiers added to what the flow knows. */
    Quals join(Quals other) {
        return new Quals(multiple || other.multiple, stable || other.stable, pinned || other.pinned, shared || other.shared,
                confined || other.confined, scopeChecked || other.scopeChecked, persistent || other.persistent);
    }

    /**
     * Handles may be valid with another store object of the kind: a member of the same sharing set
     * ({@code @SharedStore}), or the same file reopened ({@code @Persistent}).
     */
    boolean handlesOutliveTheObject() {
        return shared || persistent;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (pinned) b.append("@Pinned "); else if (stable) b.append("@Stable ");
        if (multiple) b.append("@Multiple ");
        if (shared) b.append("@SharedStore ");
        if (confined) b.append("@Confined ");
        if (persistent) b.append("@Persistent ");
        return b.isEmpty() ? "(no guarantees)" : b.toString().trim();
    }
}
