package dev.stowage.lsp.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks the LSP base protocol's framing before LSP4J sees it, so that no input can stop the server:
 * header garbage is skipped up to the next {@code Content-Length} header, and a message longer than
 * {@link #MAX_CONTENT_LENGTH} (LSP4J would allocate it at once) is read past and dropped. Well-formed
 * frames pass through unchanged (re-framed with their exact length); content that is not valid
 * JSON is left to LSP4J, which reports it and carries on.
 */
final class RobustInputStream extends InputStream {

    /** The largest message accepted: far above any real source file, far below the heap. */
    static final int MAX_CONTENT_LENGTH = 64 * 1024 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final InputStream in;
    private byte[] frame = new byte[0];
    private int position;
    private boolean ended;

    RobustInputStream(InputStream in) {
        this.in = in;
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

    /** Reads one well-formed frame; {@code null} at the end of the input. */
    private byte[] nextFrame() throws IOException {
        while (true) {
            long length = -1;
            boolean sawHeader = false;
            while (true) {
                String line = readLine();
                if (line == null) return null;
                if (line.isEmpty()) {
                    if (sawHeader) break;
                    continue; // blank lines between messages
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    warn("skipping a line that is not a header: " + abbreviate(line));
                    length = -1;
                    sawHeader = false;
                    continue;
                }
                sawHeader = true;
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    try {
                        length = Long.parseLong(line.substring(colon + 1).trim());
                    } catch (NumberFormatException e) {
                        warn("bad Content-Length header: " + abbreviate(line));
                        length = -1;
                    }
                }
            }
            if (length < 0) {
                warn("a message without a valid Content-Length header was skipped");
                continue;
            }
            if (length > MAX_CONTENT_LENGTH) {
                warn("a message of " + length + " bytes (more than " + MAX_CONTENT_LENGTH + ") was read past and dropped");
                long skipped = skip(in, length);
                if (skipped < length) return null;
                continue;
            }
            byte[] content = in.readNBytes((int) length);
            if (content.length < length) return null;
            byte[] header = ("Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[header.length + content.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(content, 0, out, header.length, content.length);
            return out;
        }
    }

    /** A header line without its line break ({@code \r\n} or {@code \n}); {@code null} at the end. Over-long lines are cut. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (line.size() < MAX_HEADER_LINE) line.write(c);
        }
        if (c == -1 && line.size() == 0) return null;
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static long skip(InputStream in, long n) throws IOException {
        long done = 0;
        byte[] buffer = new byte[64 * 1024];
        while (done < n) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - done));
            if (r < 0) break;
            done += r;
        }
        return done;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static void warn(String message) {
        System.err.println("stowage-lsp: input: " + message);
    }
}
