package dev.stowage.store;

import java.io.IOException;

/**
 * A file that {@link FileStore#open} or {@link DurableStack#open} refuses, and why. The file is left
 * exactly as it was (nothing is written to a refused file).
 *
 * <pre>{@code
 * try (FileStore store = FileStore.open(path)) { ... }
 * catch (FileStoreException e) {
 *     if (e.reason() == FileStoreException.Reason.LOCKED) { ... another process has it open ... }
 * }
 * }</pre>
 */
public final class FileStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** The file is not a Stowage durable stack (wrong magic): someone else's file. */
        FOREIGN,
        /** The file is ours but damaged beyond what crash repair can fix (bad checksums, bad blocks). */
        CORRUPT,
        /** The file was written by a newer, incompatible major version of the format. */
        NEWER_VERSION,
        /** Another process (or another open in this JVM) holds the file's exclusive lock. */
        LOCKED,
        /** The file was made with another allocation policy than the one asked for. */
        POLICY_MISMATCH
    }

    private final Reason reason;

    public FileStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the file was refused. */
    public Reason reason() {
        return reason;
    }
}
