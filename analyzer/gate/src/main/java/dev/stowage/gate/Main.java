package dev.stowage.gate;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of the {@code stowage} command line: {@code stowage check …} and {@code stowage demo}.
 *
 * <pre>{@code
 * int exit = Main.run(new String[] {"check", "src/main/java"}, System.out, System.err, new EngineAnalyzer());
 * }</pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, new EngineAnalyzer()));
    }

    /** Runs the command line and returns its exit code ({@link ExitCodes}); never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err, Analyzer analyzer) {
        CommandLine commandLine = new CommandLine(new StowageCommand());
        commandLine.addSubcommand("check", new CheckCommand(analyzer, out, err));
        commandLine.addSubcommand("demo", new DemoCommand(analyzer, out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof Gate.CompileErrors compileErrors) {
                err.println("stowage: the sources do not compile, so they were not checked. javac reports:");
                compileErrors.lines().forEach(line -> err.println("  " + line));
                err.println("stowage: " + compileErrors.getMessage()
                        + " (not findings). Fix them and run again; \"cannot find symbol\" usually means a missing classpath:"
                        + " give --classpath, or the Maven project folder.");
            } else if (exception instanceof GateException gateException) {
                err.println("stowage: error: " + gateException.getMessage());
            } else {
                err.println("stowage: internal error: " + exception);
                exception.printStackTrace(err);
            }
            return ExitCodes.TOOL_ERROR;
        });
        return commandLine.execute(args);
    }
}
