package dev.stowage.store;

/**
 * A store cannot satisfy an allocation or a grow: it is full, or the size is beyond what it can
 * ever hold. Nothing was changed (the strong exception guarantee).
 */
public class StoreExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was asked for and what the store had, with the numbers */
    public StoreExhaustedException(String message) {
        super(message);
    }
}
