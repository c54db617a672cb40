package dev.stowage.lsp;

import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.protocol.ServerLauncher;
import dev.stowage.lsp.protocol.StowageEngineFactory;
import dev.stowage.project.MavenClasspathProvider;
import dev.stowage.project.RuleDocs;
import dev.stowage.project.TrustPolicy;
import java.time.Duration;
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

    /**
     * Where the rule pages ({@code <key>.md}) are when the client does not say
     * ({@code stowage.rulesBaseUrl}): {@code -Dstowage.rulesBaseUrl}, else a {@code docs/rules} folder
     * next to the jar or up to three folders above it (the repository's, or one an extension bundles
     * beside the jar), as a {@code file:} URI; else none, and diagnostics carry no link.
     */
    static String defaultRulesBaseUrl() {
        String configured = System.getProperty("stowage.rulesBaseUrl");
        if (configured != null && !configured.isBlank()) return configured;
        return RuleDocs.besideJarOf(Main.class).map(p -> p.toUri().toString()).orElse(null);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-v"))) {
            System.out.println("stowage-lsp " + ServerLauncher.version());
            return;
        }
        PrintStream protocolOut = System.out;
        InputStream protocolIn = System.in;
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        ServerLauncher.run(protocolIn, protocolOut, StowageEngineFactory.checker(), 
                // asked only once the client says the workspace is trusted; even then on a sanitized copy of the poms
                new MavenClasspathProvider(TrustPolicy.sanitized(), System.err::println, Duration.ofMinutes(5)),
                Settings.defaults().withRulesBaseUrl(defaultRulesBaseUrl()),
                System.err::println, code -> System.exit(code));
    }
}
