package dev.stowage.lsp;

import dev.stowage.lsp.core.ClasspathService;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.protocol.ServerLauncher;
import dev.stowage.lsp.protocol.StowageEngineFactory;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Starts the Stowage language server on stdin/stdout.
 *
 * <pre>
 * java --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED ... -jar stowage-lsp-all.jar
 * </pre>
 *
 * stdout carries the protocol and nothing else: {@code System.out} is pointed at stderr before
 * anything else runs (a stray {@code println} in a library must not corrupt the stream), and the
 * log goes to stderr. The server opens no port. {@code exit} ends the JVM.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocolOut = System.out;
        InputStream protocolIn = System.in;
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-v"))) {
            System.err.println("stowage-lsp " + dev.stowage.lsp.protocol.ServerLauncher.version());
            return;
        }
        ServerLauncher.run(protocolIn, protocolOut, StowageEngineFactory.checker(), ClasspathService.mavenRunner(), Settings.defaults(),
                System.err::println, code -> System.exit(code));
    }
}
