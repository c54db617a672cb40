package dev.stowage.gate;

/**
 * A usage or tool error: the gate prints the message and exits with {@link ExitCodes#TOOL_ERROR}.
 * The message says what was wrong and with which value, e.g.
 * {@code no such file or directory: src/Mian.java}.
 */
public class GateException extends RuntimeException {

    public GateException(String message) {
        super(message);
    }

    public GateException(String message, Throwable cause) {
        super(message, cause);
    }
}
