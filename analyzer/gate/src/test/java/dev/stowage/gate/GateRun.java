package dev.stowage.gate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of the gate's command line in this JVM: its exit code and what it printed. */
record GateRun(int exit, String out, String err) {

    /** Runs {@code stowage <args>} with {@code analyzer} in place of the engine, capturing stdout and stderr. */
    static GateRun of(Analyzer analyzer, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), analyzer);
        return new GateRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
