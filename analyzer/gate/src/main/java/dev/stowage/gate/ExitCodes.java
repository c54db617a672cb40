package dev.stowage.gate;

/** The gate's exit codes, the same for every command and format (see docs/gate.md). */
public final class ExitCodes {
    /** No finding at or above the fail level was reported. */
    public static final int CLEAN = 0;
    /** At least one finding at or above the fail level was reported (after the baseline). */
    public static final int FINDINGS = 1;
    /** Bad usage, unreadable input, a malformed baseline, sources that do not compile, a crash. */
    public static final int TOOL_ERROR = 2;

    private ExitCodes() {}
}
