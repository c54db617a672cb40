package dev.stowage.lsp.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks the LSP base protocol's framing before LSP4J sees it, so that a framing error loses at most
 * the message it hit and the server answers the next well-formed one. LSP4J gets only frames with an
 * exact {@code Content-Length}, re-made here.
 *
 * <p>How each error is survived:
 * <ul>
 *   <li><b>Header garbage</b>: the next {@code Content-Length:} is looked for anywhere in the stream,
 *       not only at a line start (a body that overran its length leaves the next header mid-line).</li>
 *   <li><b>Length too long</b> (including a client that stops sending): the body is a JSON object,
 *       so it is delivered as soon as its closing brace arrives; the bytes left of the declared
 *       length are skipped only while they are whitespace, and the next frame's header is kept.</li>
 *   <li><b>Length too short</b> (including clients that count UTF-16 characters instead of UTF-8
 *       bytes): reading goes on past the declared length until the object closes (or a new
 *       frame's header shows the body was cut, below), up to {@link #MAX_CONTENT_LENGTH}.</li>
 *   <li><b>A frame cut short</b> (the sender died mid-body and a new frame follows): a header line
 *       ({@code Content-Length: 123} and a raw line break) can never occur inside valid JSON (raw
 *       line breaks are not allowed in JSON strings), so one found inside a body ends that body: the
 *       broken message is dropped and the new frame is read.</li>
 *   <li><b>A length over {@link #MAX_CONTENT_LENGTH}</b> is refused without trying to skip it: the
 *       header is dropped and the search for the next header goes on from there.</li>
 * </ul>
 * Content that is not valid JSON inside balanced braces is left to LSP4J, which reports it and
 * carries on.
 *
 * <pre>{@code
 * Launcher<LanguageClient> l = new LSPLauncher.Builder<LanguageClient>().setInput(new RobustInputStream(System.in))...
 * }</pre>
 */
final class RobustInputStream extends InputStream {

    /** The largest message accepted: far above any real source file, far below the heap. */
    static final int MAX_CONTENT_LENGTH = 64 * 1024 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final byte[] TOKEN = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final java.util.regex.Pattern HEADER_LINE = java.util.regex.Pattern.compile("[A-Za-z0-9-]+:.*");

    private final InputStream in;
    private final java.util.function.Consumer<String> log;
    /** Bytes given back to the input, read before {@link #in}. */
    private byte[] pushback = new byte[0];
    private int pushbackPosition;
    /** After a body that closed before its declared length: how many whitespace bytes may still be skipped. */
    private long trailingWhitespaceAllowance;
    private byte[] frame = new byte[0];
    private int position;
    private boolean ended;

    RobustInputStream(InputStream in) {
        this(in, message -> System.err.println("stowage-lsp: input: " + message));
    }

    RobustInputStream(InputStream in, java.util.function.Consumer<String> log) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.log = log;
    }

    @Override
    public int read() throws IOException {
        if (!ensure()) return -1;
        return frame[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!ensure()) return -1;
        int n = Math.min(len, frame.length - position);
        System.arraycopy(frame, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return frame.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean ensure() throws IOException {
        while (position >= frame.length) {
            if (ended) return false;
            byte[] next = nextFrame();
            if (next == null) {
                ended = true;
                return false;
            }
            frame = next;
            position = 0;
        }
        return true;
    }

    // ---- the raw input, with push-back ----------------------------------------------------------

    private int next() throws IOException {
        if (pushbackPosition < pushback.length) return pushback[pushbackPosition++] & 0xff;
        return in.read();
    }

    /** Gives bytes back to the input: they are read again, before anything else. */
    private void unread(byte[] bytes, int from, int to) {
        if (from >= to) return;
        byte[] rest = Arrays.copyOfRange(pushback, pushbackPosition, pushback.length);
        byte[] joined = new byte[(to - from) + rest.length];
        System.arraycopy(bytes, from, joined, 0, to - from);
        System.arraycopy(rest, 0, joined, to - from, rest.length);
        pushback = joined;
        pushbackPosition = 0;
    }

    private void unread(int b) {
        unread(new byte[] {(byte) b}, 0, 1);
    }

    // ---- frames ---------------------------------------------------------------------------------

    /** Reads one well-formed frame; {@code null} at the end of the input. */
    private byte[] nextFrame() throws IOException {
        while (true) {
            if (!skipTrailingWhitespace()) return null;
            long length = readHeaders();
            if (length == END) return null;
            if (length == BROKEN) continue;
            if (length == 0) {
                log.accept("an empty message was dropped");
                continue;
            }
            if (length > MAX_CONTENT_LENGTH) {
                log.accept("a message of " + length + " bytes (more than " + MAX_CONTENT_LENGTH
                        + ") was refused; looking for the next header");
                continue;
            }
            byte[] content = readBody(length);
            if (content == null) {
                if (ended) return null;
                continue;
            }
            byte[] header = ("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[header.length + content.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(content, 0, out, header.length, content.length);
            return out;
        }
    }

    private static final long END = -1, BROKEN = -2;

    /** After a body that closed early: skips what is left of its declared length while it is whitespace. */
    private boolean skipTrailingWhitespace() throws IOException {
        while (trailingWhitespaceAllowance > 0) {
            int c = next();
            if (c < 0) return false;
            if (!isWhitespace(c)) {
                unread(c);
                break;
            }
            trailingWhitespaceAllowance--;
        }
        trailingWhitespaceAllowance = 0;
        return true;
    }

    /**
     * Finds the next {@code Content-Length:} (anywhere: a line start is not required) and reads the
     * header block after it; returns the length, {@link #END} or {@link #BROKEN}.
     */
    private long readHeaders() throws IOException {
        // 1. Find the token, case-insensitively. It has one 'c', at its start, so a mismatch restarts simply.
        ByteArrayOutputStream skipped = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < TOKEN.length) {
            int c = next();
            if (c < 0) {
                reportSkipped(skipped);
                return END;
            }
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == TOKEN[matched]) {
                matched++;
            } else {
                if (skipped.size() < MAX_HEADER_LINE) {
                    skipped.write(TOKEN, 0, Math.min(matched, MAX_HEADER_LINE - skipped.size()));
                    skipped.write(c);
                }
                matched = lower == TOKEN[0] ? 1 : 0;
            }
        }
        reportSkipped(skipped);
        // 2. The value: spaces, digits, the end of the line. Anything else is given back, so that a
        //    header right after a broken value (no line break) is still found.
        int c = next();
        while (c == ' ' || c == '\t') c = next();
        StringBuilder digits = new StringBuilder();
        while (c >= '0' && c <= '9') {
            if (digits.length() < 40) digits.append((char) c);
            c = next();
        }
        if (c == '\r') c = next();
        if (c < 0) return END;
        if (c != '\n' || digits.isEmpty()) {
            unread(c);
            log.accept("bad Content-Length header (value '" + abbreviate(digits.toString()) + "' followed by "
                    + (c == '\n' ? "the end of the line" : "'" + (char) c + "'") + "); looking for the next header");
            return BROKEN;
        }
        long length;
        try {
            length = Long.parseLong(digits.toString());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE; // more digits than a long: certainly over the bound
        }
        // 3. Other headers (Content-Type) up to the empty line.
        while (true) {
            int first = next();
            if (first < 0) return END;
            if (first == '\n') break;
            if (first == '\r') {
                int second = next();
                if (second == '\n') break;
                if (second < 0) return END;
                unread(second);
                continue;
            }
            unread(first);
            String line = readLine();
            if (line == null) return END;
            if (line.toLowerCase(Locale.ROOT).contains("content-length:") || !HEADER_LINE.matcher(line).matches()) {
                // Not a header: the frame is broken. Give the line back, so a header inside it is still found.
                log.accept("a header block without its empty line was dropped");
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.ISO_8859_1);
                unread(bytes, 0, bytes.length);
                return BROKEN;
            }
        }
        return length;
    }

    private void reportSkipped(ByteArrayOutputStream skipped) {
        String text = skipped.toString(StandardCharsets.ISO_8859_1).strip();
        if (text.isEmpty()) return;
        // Headers other than Content-Length before it are normal; anything else is worth a line in the log.
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank() && !HEADER_LINE.matcher(line).matches()) {
                log.accept("skipped bytes that are not part of a frame: " + abbreviate(text));
                return;
            }
        }
    }

    /**
     * Reads a body declared as {@code length} bytes, as described in the class comment; {@code null}
     * when it was dropped (or the input ended: then {@link #ended} is set).
     */
    private byte[] readBody(long length) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, 1 << 16));
        JsonEnd json = new JsonEnd();
        HeaderLine header = new HeaderLine();
        // Reading on past the declared length is bounded by the largest message, not by the length:
        // a frame that follows always ends the search (its header line cannot be part of JSON).
        long limit = MAX_CONTENT_LENGTH;
        long read = 0;
        boolean sawStart = false;
        while (true) {
            int c = next();
            if (c < 0) {
                if (read > 0) log.accept("the input ended inside a message of " + length + " bytes");
                ended = true;
                return null;
            }
            body.write(c);
            read++;
            if (!sawStart && !isWhitespace(c)) {
                sawStart = true;
                if (c != '{' && c != '[') {
                    log.accept("a message whose body is not JSON was dropped");
                    unread(c);
                    return null;
                }
            }
            int headerStart = header.accept(c, read - 1);
            if (headerStart >= 0) {
                // A header line cannot be inside JSON: the body ended early and a new frame began.
                byte[] bytes = body.toByteArray();
                log.accept("a message cut short by the next frame's header was dropped");
                unread(bytes, headerStart, bytes.length);
                return null;
            }
            if (json.accept(c)) {
                if (read < length) trailingWhitespaceAllowance = length - read;
                if (read > length) log.accept("a message longer than its Content-Length (" + length + " < " + read
                        + " bytes; a client counting characters?) was read to its end");
                return body.toByteArray();
            }
            if (read >= limit) {
                log.accept("a message that does not end within " + MAX_CONTENT_LENGTH + " bytes was dropped");
                byte[] bytes = body.toByteArray();
                int keep = header.pendingStart(read);
                if (keep >= 0) unread(bytes, keep, bytes.length);
                return null;
            }
        }
    }

    /** Where a JSON value that starts with {@code {} or {@code [} ends: brackets counted outside strings. */
    private static final class JsonEnd {
        private int depth;
        private boolean inString, escaped;

        /** True when this byte closes the outermost value. */
        boolean accept(int c) {
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                return false;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    return depth == 0;
                }
                default -> { }
            }
            return false;
        }
    }

    /**
     * Recognises {@code Content-Length:[ \t]*[0-9]+\r?\n} (case-insensitive) in a stream of bytes,
     * which never occurs in valid JSON.
     */
    private static final class HeaderLine {
        private int matched;          // bytes of the token matched so far
        private int state;            // 0 token, 1 spaces, 2 digits, 3 after '\r'
        private long start = -1;

        /** Feeds byte {@code c} at offset {@code at}; returns the offset where a complete header line began, else -1. */
        int accept(int c, long at) {
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            switch (state) {
                case 0 -> {
                    if (lower == TOKEN[matched]) {
                        if (matched == 0) start = at;
                        matched++;
                        if (matched == TOKEN.length) state = 1;
                    } else {
                        reset(lower, at);
                    }
                }
                case 1 -> {
                    if (c == ' ' || c == '\t') return -1;
                    if (c >= '0' && c <= '9') state = 2;
                    else reset(lower, at);
                }
                case 2 -> {
                    if (c >= '0' && c <= '9') return -1;
                    if (c == '\n') return (int) start;
                    if (c == '\r') state = 3;
                    else reset(lower, at);
                }
                case 3 -> {
                    if (c == '\n') return (int) start;
                    reset(lower, at);
                }
                default -> reset(lower, at);
            }
            return -1;
        }

        private void reset(int lower, long at) {
            state = 0;
            matched = 0;
            start = -1;
            if (lower == TOKEN[0]) {
                matched = 1;
                start = at;
            }
        }

        /** Where a header that may still be under way began (to give it back), or -1. */
        int pendingStart(long read) {
            return start >= 0 && start < read ? (int) start : -1;
        }
    }

    /** A line without its line break ({@code \r\n} or {@code \n}); {@code null} at the end. Over-long lines are cut. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = next()) != -1) {
            if (c == '\n') break;
            if (line.size() < MAX_HEADER_LINE) line.write(c);
        }
        if (c == -1 && line.size() == 0) return null;
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
