package dev.stowage.lsp.protocol;

import dev.stowage.lsp.core.Engine;
import dev.stowage.lsp.core.Settings;
import dev.stowage.project.ClasspathProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Wires a {@link StowageLanguageServer} to a pair of streams with LSP4J's JSON-RPC: stdin/stdout in
 * production, piped streams in tests.
 */
public final class ServerLauncher {

    private ServerLauncher() {}

    /** A running server and its connection. */
    public record Running(StowageLanguageServer server, Future<Void> listening, ExecutorService executor) {}

    /** Starts listening on the streams and returns at once. */
    public static Running start(InputStream in, OutputStream out, Engine.Factory engines, ClasspathProvider maven,
            Settings settings, Consumer<String> log, IntConsumer exit) {
        StowageLanguageServer[] holder = new StowageLanguageServer[1];
        StowageLanguageServer server = new StowageLanguageServer(engines, maven, settings, log,
                () -> exit.accept(holder[0].wasShutdown() ? 0 : 1));
        holder[0] = server;
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stowage-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(new RobustInputStream(in))
                .setOutput(out)
                .setExecutorService(executor)
                .wrapMessages(consumer -> new GuardedConsumer(consumer, log))
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        return new Running(server, listening, executor);
    }

    /** Runs until the input ends; then exits (the client went away without {@code exit}). */
    public static void run(InputStream in, OutputStream out, Engine.Factory engines, ClasspathProvider maven,
            Settings settings, Consumer<String> log, IntConsumer exit) throws Exception {
        Running running = start(in, out, engines, maven, settings, log, exit);
        log.accept("stowage-lsp " + version() + " listening on stdio (JDK " + Runtime.version() + ")");
        try {
            running.listening().get();
        } catch (Exception e) {
            log.accept("connection ended: " + e);
        }
        exit.accept(running.server().wasShutdown() ? 0 : 1);
    }

    public static String version() {
        return StowageLanguageServer.version();
    }
}
