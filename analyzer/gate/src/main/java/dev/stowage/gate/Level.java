package dev.stowage.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How loudly a diagnostic key is reported, set per key with {@code --severity key=level}.
 *
 * <p>The names are SARIF's result levels, so {@code --severity pointer.escape=warning} appears as
 * {@code "level": "warning"} in SARIF and as {@code warning:} in compiler-style output. {@link #OFF}
 * drops the key's findings altogether (they are not reported, not counted, not baselined).
 */
public enum Level {
    ERROR, WARNING, NOTE, OFF;

    /** The lower-case name used on the command line and in every output format. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code error}, {@code warning}, {@code note} or {@code off} (any case).
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.id().equalsIgnoreCase(text.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", ")) + ")");
    }

    /** True when a finding at this level is at least as severe as {@code threshold}. */
    public boolean atLeast(Level threshold) {
        return this != OFF && ordinal() <= threshold.ordinal();
    }
}
