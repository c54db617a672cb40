package dev.stowage.checker.api;

/**
 * A place that explains a finding: where the value was resolved or issued, or the call that
 * invalidated it.
 *
 * @param role what the place is to the finding
 * @param message a short phrase for the place, e.g. {@code "'store.grow(...)' may have moved the memory"}
 */
public record RelatedLocation(Role role, SourceRange range, String message) {

    /** What a related place is to the finding. */
    public enum Role {
        /** The call that made the value stale (or closed or moved the object). */
        INVALIDATION,
        /** Where the handle was issued or the pointer resolved. */
        ORIGIN
    }
}
