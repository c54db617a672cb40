package dev.stowage.store;

/**
 * A handle that is no longer valid (freed, grown, shrunk, issued before the store was closed) or
 * that another store issued, was passed to a store. Thrown by {@code CheckedStore}, which is built
 * to find these; other stores throw it where they can tell cheaply.
 */
public class StaleHandleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message the handle, the store, and why it is stale or foreign */
    public StaleHandleException(String message) {
        super(message);
    }
}
