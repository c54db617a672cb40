package dev.stowage.lsp.protocol;

import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Handles each incoming message inside a guard: whatever a handler throws (even an {@link Error}
 * such as a stack overflow on a deeply nested message) is logged and the next message is read.
 */
final class GuardedConsumer implements MessageConsumer {
    private final MessageConsumer next;
    private final Consumer<String> log;

    GuardedConsumer(MessageConsumer next, Consumer<String> log) {
        this.next = next;
        this.log = log;
    }

    @Override
    public void consume(Message message) {
        try {
            next.consume(message);
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            log.accept("a message could not be handled (" + e + "); the server carries on");
        }
    }
}
