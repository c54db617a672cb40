package dev.stowage.lsp.protocol;

import com.google.gson.JsonObject;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.RawConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The real server over piped streams, fed well-formed requests damaged in the ways clients and
 * networks damage frames. Whatever came before, the server answers the next well-formed request;
 * and the damages that leave the message itself whole (a wrong length, a count of characters
 * instead of bytes, a frame split or merged with the next) lose nothing.
 */
class FramingFuzzTest {

    /** How one request is damaged on the wire. */
    enum Damage {
        NONE(true), LENGTH_TOO_SHORT(true), LENGTH_TOO_LONG(true), LENGTH_COUNTS_CHARACTERS(true), SPLIT(true), MERGED_WITH_NEXT(true),
        GARBAGE_BEFORE(true), LENGTH_HUGE(false), LENGTH_OVER_BOUND(false), BODY_CUT_SHORT(false), LENGTH_NOT_A_NUMBER(false),
        BODY_NOT_JSON(false), NO_HEADER(false), NO_BLANK_LINE_AFTER_HEADER(false);

        /** Whether the request itself must still be answered. */
        final boolean survives;

        Damage(boolean survives) {
            this.survives = survives;
        }
    }

    /** One request on the wire: what it says, how it is damaged, and by how much. */
    record Hit(Damage damage, String text, int amount, String garbage) {}

    @Property(tries = 150)
    void afterAnyDamagedFramesTheNextWellFormedRequestIsAnswered(@ForAll("hits") List<Hit> hits) throws Exception {
        try (RawConnection raw = new RawConnection(new FakeEngine())) {
            List<Integer> mustAnswer = new ArrayList<>();
            int id = 1000;
            for (Hit hit : hits) {
                id++;
                byte[] body = request(id, hit.text());
                write(raw, hit, body);
                if (hit.damage().survives) mustAnswer.add(id);
            }
            int last = ++id;
            raw.send(new String(request(last, "the well-formed one"), StandardCharsets.UTF_8));
            mustAnswer.add(last);
            // Answers come in the order of the requests; others (log messages, lost requests) are skipped.
            for (int expected : mustAnswer) raw.await("\"id\":" + expected + ",", 10);
        }
    }

    @Provide
    Arbitrary<List<Hit>> hits() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("äöü€😀中文\\\"{}[]:\r\nContent-Length: 12").ofMaxLength(300));
        Arbitrary<String> garbage = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(100),
                Arbitraries.of("\r\n", "Content-Type: x\r\n", "Content-Length\r\n", "}}}]]\r\n", "\"unterminated", "Content-Length: 7\r\n"));
        Arbitrary<Hit> hit = Combinators.combine(Arbitraries.of(Damage.class), texts, Arbitraries.integers().between(1, 5000), garbage)
                .as(Hit::new);
        return hit.list().ofMinSize(1).ofMaxSize(4);
    }

    private static byte[] request(int id, String text) {
        JsonObject params = new JsonObject();
        params.addProperty("text", text);
        JsonObject message = new JsonObject();
        message.addProperty("jsonrpc", "2.0");
        message.addProperty("id", id);
        message.addProperty("method", "stowage/echo"); // unknown: answered with MethodNotFound, carrying the id
        message.add("params", params);
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(RawConnection raw, Hit hit, byte[] body) throws IOException, InterruptedException {
        String text = new String(body, StandardCharsets.UTF_8);
        switch (hit.damage()) {
            case NONE -> raw.sendBytes(frame(body.length, body));
            case LENGTH_TOO_SHORT -> raw.sendBytes(frame(Math.max(1, body.length - hit.amount() % body.length), body));
            case LENGTH_TOO_LONG -> raw.sendBytes(frame(body.length + hit.amount(), body));
            case LENGTH_COUNTS_CHARACTERS -> raw.sendBytes(frame(text.length(), body));
            case SPLIT -> {
                byte[] all = frame(body.length, body);
                int step = 1 + hit.amount() % 17;
                for (int i = 0; i < all.length; i += step) {
                    raw.sendBytes(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + step)));
                    if (i % (step * 8) == 0) Thread.sleep(1);
                }
            }
            case MERGED_WITH_NEXT -> {
                // This frame and an extra well-formed one in one write.
                ByteArrayOutputStream both = new ByteArrayOutputStream();
                both.writeBytes(frame(body.length, body));
                both.writeBytes(frame(body.length, body));
                raw.sendBytes(both.toByteArray());
            }
            case GARBAGE_BEFORE -> {
                raw.sendRaw(hit.garbage());
                raw.sendBytes(frame(body.length, body));
            }
            case LENGTH_HUGE -> raw.sendBytes(frame("99999999999", body));
            case LENGTH_OVER_BOUND -> raw.sendBytes(frame(Long.toString(RobustInputStream.MAX_CONTENT_LENGTH + 1L + hit.amount() * 1_000_003L), body));
            case BODY_CUT_SHORT -> raw.sendBytes(java.util.Arrays.copyOf(frame(body.length, body),
                    header(Integer.toString(body.length)).length + hit.amount() % body.length));
            case LENGTH_NOT_A_NUMBER -> raw.sendBytes(frame("twelve", body));
            case BODY_NOT_JSON -> raw.sendBytes(frame(hit.garbage().getBytes(StandardCharsets.UTF_8).length, hit.garbage().getBytes(StandardCharsets.UTF_8)));
            case NO_HEADER -> raw.sendBytes(body);
            case NO_BLANK_LINE_AFTER_HEADER -> {
                ByteArrayOutputStream glued = new ByteArrayOutputStream();
                glued.writeBytes(("Content-Length: " + body.length).getBytes(StandardCharsets.US_ASCII));
                glued.writeBytes(body);
                raw.sendBytes(glued.toByteArray());
            }
        }
    }

    private static byte[] frame(long declared, byte[] body) {
        return frame(Long.toString(declared), body);
    }

    private static byte[] frame(String declared, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(declared));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] header(String declared) {
        return ("Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    // ---- the cases of the bug report, one by one ------------------------------------------------

    @Example
    void aLengthTenBytesShortLosesNothing() throws Exception {
        assertAnsweredAfter(body -> frame(body.length - 10, body), true);
    }

    @Example
    void aLengthFortyBytesLongLosesNothingAndIsAnsweredBeforeTheNextFrameArrives() throws Exception {
        try (RawConnection raw = new RawConnection(new FakeEngine())) {
            byte[] body = request(1, "x");
            raw.sendBytes(frame(body.length + 40, body));
            raw.await("\"id\":1,", 10); // nothing else was sent: the server did not wait for 40 more bytes
            raw.send(new String(request(2, "y"), StandardCharsets.UTF_8));
            raw.await("\"id\":2,", 10);
        }
    }

    @Example
    void aLengthOfElevenNinesIsRefusedAndTheNextRequestAnswered() throws Exception {
        assertAnsweredAfter(body -> frame("99999999999", body), false);
    }

    @Example
    void aLengthJustOverTheBoundIsRefusedWithoutWaitingForItsBytes() throws Exception {
        // Were the 64 MiB + 1 bytes read past, the next request would never be answered: they never come.
        assertAnsweredAfter(body -> header(Long.toString(RobustInputStream.MAX_CONTENT_LENGTH + 1L)), false);
    }

    @Example
    void aClientCountingCharactersOfANonAsciiBodyLosesNothing() throws Exception {
        assertAnsweredAfter(body -> frame(new String(body, StandardCharsets.UTF_8).length(), body), true, "Grüße, 世界 😀");
    }

    private interface Framing {
        byte[] frame(byte[] body);
    }

    private static void assertAnsweredAfter(Framing damaged, boolean damagedIsAnswered) throws Exception {
        assertAnsweredAfter(damaged, damagedIsAnswered, "text");
    }

    private static void assertAnsweredAfter(Framing damaged, boolean damagedIsAnswered, String text) throws Exception {
        try (RawConnection raw = new RawConnection(new FakeEngine())) {
            raw.sendBytes(damaged.frame(request(1, text)));
            raw.send(new String(request(2, "next"), StandardCharsets.UTF_8));
            if (damagedIsAnswered) raw.await("\"id\":1,", 10);
            raw.await("\"id\":2,", 10);
        }
    }
}
