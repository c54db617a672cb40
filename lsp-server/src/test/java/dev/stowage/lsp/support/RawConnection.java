package dev.stowage.lsp.support;

import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.protocol.ServerLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Bytes to and from a server, with no client library in between: for malformed and unknown messages. */
public final class RawConnection implements AutoCloseable {
    public final PipedOutputStream toServer;
    private final LinkedBlockingQueue<String> fromServer = new LinkedBlockingQueue<>();
    public final List<String> log = new CopyOnWriteArrayList<>();
    public final AtomicInteger exitCode = new AtomicInteger(-1);
    private final ServerLauncher.Running running;

    public RawConnection(FakeEngine engine) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        running = ServerLauncher.start(serverIn, serverOut, FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults(), log::add, exitCode::set);
        Thread reader = new Thread(() -> readFrames(clientIn), "raw-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readFrames(InputStream in) {
        try {
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int c = in.read();
                    if (c < 0) return;
                    if (c == '\n') {
                        String l = line.toString().trim();
                        line.setLength(0);
                        if (l.isEmpty()) break;
                        if (l.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(l.substring(15).trim());
                    } else {
                        line.append((char) c);
                    }
                }
                byte[] body = in.readNBytes(length);
                fromServer.add(new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    public void sendRaw(String bytes) throws IOException {
        toServer.write(bytes.getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    public void sendBytes(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    public void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        toServer.write(out.toByteArray());
        toServer.flush();
    }

    /** The next message from the server whose text contains the fragment (others are skipped). */
    public String await(String fragment, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String m = fromServer.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.contains(fragment)) return m;
        }
        throw new AssertionError("no message containing " + fragment + " within " + seconds + " s; log " + log);
    }

    /** Ends the connection and the server's threads (a test may make thousands of servers). */
    @Override
    public void close() throws IOException {
        toServer.close();
        if (exitCode.get() < 0) running.server().exit(); // stops its workers; exit code 1: no shutdown was sent
        running.executor().shutdownNow();
    }
}
