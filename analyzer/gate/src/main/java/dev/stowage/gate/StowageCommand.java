package dev.stowage.gate;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command {@code stowage}; its subcommands ({@code check}, {@code demo}) are added by {@link Main}. */
@Command(name = "stowage", mixinStandardHelpOptions = true, versionProvider = StowageCommand.Version.class,
        description = "Finds stale handles and pointers of Stowage stores (java.lang.foreign) in Java sources.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the --fail-on level",
            "1:findings",
            "2:usage or tool error (bad option, missing file, malformed baseline, sources that do not compile)"})
final class StowageCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: check or demo (see --help)");
    }

    /** The gate's version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stowage " + BuildInfo.version()};
        }
    }
}
