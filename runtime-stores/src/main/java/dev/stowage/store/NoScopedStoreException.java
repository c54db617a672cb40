package dev.stowage.store;

/**
 * A collection factory without a store argument (or {@link Stores#current()}) was called outside
 * every {@code Stores.where(store).run(...)} / {@code call(...)} scope, so there is no ambient store
 * to allocate in.
 */
public class NoScopedStoreException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was called, and how to give it a store */
    public NoScopedStoreException(String message) {
        super(message);
    }
}
