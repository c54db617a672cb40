package dev.stowage.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stowage check <paths or Maven project>}: the lint gate for builds and CI.
 *
 * <pre>
 * stowage check src/main/java                      # compiler-style lines, exit 1 on findings
 * stowage check . --format sarif --output stowage.sarif
 * stowage check . --write-baseline stowage-baseline.json   # accept today's findings
 * stowage check . --baseline stowage-baseline.json         # report only new ones
 * </pre>
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = StowageCommand.Version.class,
        description = {
            "Checks Java sources for stale handles and pointers of Stowage stores.",
            "Inputs: .java files, folders, or a Maven project folder (its src/main/java, with the classpath Maven computes)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no reported finding at or above --fail-on",
            "1:reported findings at or above --fail-on",
            "2:usage or tool error: bad option, missing file, malformed baseline, sources that do not compile"})
final class CheckCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, sarif }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".java files, folders, or a Maven project folder")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"--classpath", "-cp"}, paramLabel = "CLASSPATH",
            description = "Classpath of the checked code (entries separated by '${sys:path.separator}'); repeatable")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--no-maven", description = "Treat a folder with a pom.xml as a plain folder of sources")
    boolean noMaven;

    @Option(names = "--include-tests", description = "With a Maven project, check src/test/java too")
    boolean includeTests;

    @Option(names = "--refresh-classpath", description = "Ask Maven again even if the cached classpath is current")
    boolean refreshClasspath;

    @Option(names = "--no-bundled-classpath",
            description = "Do not add the Stowage runtime and qualifier jars the gate ships with to the classpath")
    boolean noBundledClasspath;

    @Option(names = "--javac-option", paramLabel = "OPTION", description = "Extra javac option for the analysis; repeatable")
    List<String> javacOptions = new ArrayList<>();

    @Option(names = "--stubs", paramLabel = "STUBS",
            description = "Library models of your own: .astub stub files or folders of them (entries separated by"
                    + " '${sys:path.separator}'); repeatable. The bundled models (the JDK's) are always read.")
    List<String> stubs = new ArrayList<>();

    @Option(names = {"--format", "-f"}, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that are not in this baseline")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record every current finding in FILE (and exit 0 unless the tool fails)")
    Path writeBaseline;

    @Option(names = "--severity", paramLabel = "KEY=LEVEL", split = ",",
            description = "Level of a diagnostic key: error, warning, note or off; repeatable, e.g. --severity pointer.escape=warning")
    List<String> severities = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a reported finding is at this level or above: error, warning or note (default: ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = "--no-source", description = "Text format: do not print the source line and caret under each finding")
    boolean noSource;

    @Option(names = "--base-dir", paramLabel = "DIR",
            description = "Paths are reported relative to DIR (default: the working directory), relative paths given to the gate are resolved against it, and it is SARIF's %%SRCROOT%%")
    Path baseDirectory;

    @Option(names = "--rules-uri", paramLabel = "URI",
            description = "Where docs/rules/<key>.md are browsable, for SARIF helpUri, e.g. https://github.com/ORG/stowage/blob/main/docs/rules/")
    String rulesUri;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of the source files (default: ${DEFAULT-VALUE})")
    String encoding;

    @Option(names = "--progress", description = "Print progress on standard error even for few files")
    boolean progress;

    @Option(names = {"--quiet", "-q"}, description = "No progress and no summary line")
    boolean quiet;

    private final Analyzer analyzer;
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(Analyzer analyzer, PrintStream out, PrintStream err) {
        this.analyzer = analyzer;
        this.out = out;
        this.err = err;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SeverityConfig severityConfig;
        Level failLevel;
        try {
            severityConfig = SeverityConfig.parse(severities);
            failLevel = Level.parse(failOn);
            if (failLevel == Level.OFF) {
                throw new IllegalArgumentException("--fail-on off would never fail; use error, warning or note");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        java.nio.charset.Charset charset;
        try {
            charset = java.nio.charset.Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--encoding: unknown charset '" + encoding + "'");
        }
        Path base = baseDirectory != null ? baseDirectory : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(base)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--base-dir is not a folder: " + base);
        }
        Baseline accepted = baseline != null ? Baseline.read(base.resolve(baseline)) : null;

        List<String> options = new ArrayList<>(javacOptions);
        List<String> stubPaths = new ArrayList<>();
        for (String entry : stubs) {
            for (String part : entry.split(java.io.File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                Path stub = base.resolve(part.trim()).toAbsolutePath().normalize();
                if (!Files.exists(stub)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--stubs: no such stub file or folder: " + stub);
                }
                stubPaths.add(stub.toString());
            }
        }
        if (!stubPaths.isEmpty()) {
            options.add("-Astubs=" + String.join(java.io.File.pathSeparator, stubPaths));
        }
        Gate.Request request = new Gate.Request(paths, base, splitClasspath(classpath), !noMaven, includeTests,
                refreshClasspath, !noBundledClasspath, options, severityConfig, accepted, quiet, progress, charset);
        Gate.Outcome outcome = new Gate(analyzer, err).run(request);
        GateReport report = outcome.report();

        String rendered = switch (format) {
            case text -> new TextFormat(!noSource).render(report, outcome.sourcesByEnginePath());
            case json -> new JsonFormat(BuildInfo.version()).render(report, outcome.sourcesByEnginePath());
            case sarif -> new SarifFormat(BuildInfo.version(), base, rulesUri, severityConfig)
                    .render(report, outcome.sourcesByEnginePath());
        };
        boolean summaryOnStdout = format == Format.text && output == null;
        if (output != null) {
            Path target = base.resolve(output);
            try {
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(target, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GateException("cannot write " + output + ": " + e.getMessage(), e);
            }
        } else {
            out.print(rendered);
            out.flush();
        }
        if (!quiet) {
            (summaryOnStdout ? out : err).println(report.summaryLine());
            if (output != null) {
                err.println("stowage: wrote the " + format + " report to " + output);
            }
        }
        if (writeBaseline != null) {
            Baseline.of(report.findings()).write(base.resolve(writeBaseline));
            err.println("stowage: wrote " + report.findings().size() + " finding" + (report.findings().size() == 1 ? "" : "s")
                    + " to the baseline " + writeBaseline);
            return ExitCodes.CLEAN;
        }
        return report.fails(failLevel) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    private static List<Path> splitClasspath(List<String> entries) {
        return entries.stream()
                .flatMap(e -> Arrays.stream(e.split(java.io.File.pathSeparator)))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }
}
