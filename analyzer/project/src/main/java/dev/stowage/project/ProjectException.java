package dev.stowage.project;

/**
 * A project could not be read or its classpath not computed. The message says what, for which
 * path, and why (an I/O error carries its reason, e.g. {@code Permission denied}), so the gate can
 * print it as it is and the server can log it.
 */
public class ProjectException extends RuntimeException {

    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
