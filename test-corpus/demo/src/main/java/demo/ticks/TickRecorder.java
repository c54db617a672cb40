package demo.ticks;

import dev.stowage.store.ArenaStore;
import java.nio.charset.StandardCharsets;

/** Wires the pieces together: a session that records a few ticks. */
public final class TickRecorder {

    private TickRecorder() {}

    public static void main(String[] args) {
        try (ArenaStore session = new ArenaStore();
             PriceHistory history = new PriceHistory(session);
             MessageBuffer messages = new MessageBuffer()) {
            for (long price : new long[] {1000, 1002, 999}) {
                long move = history.recordCorrectly(price);
                messages.appendCorrectly(("tick " + price + " " + move).getBytes(StandardCharsets.UTF_8));
            }
            System.out.println(history.size() + " ticks recorded");
        }
    }
}
