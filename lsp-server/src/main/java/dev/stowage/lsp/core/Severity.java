package dev.stowage.lsp.core;

import java.util.Locale;

/** How a diagnostic is shown, as set per key in the settings; {@link #OFF} hides it. */
public enum Severity {
    ERROR, WARNING, INFO, HINT, OFF;

    /**
     * Reads a setting value ({@code "error"}, {@code "warning"}, {@code "info"}/{@code "information"},
     * {@code "hint"}, {@code "off"}/{@code "none"}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the value when it is none of those
     */
    public static Severity parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "information" -> INFO;
            case "hint" -> HINT;
            case "off", "none", "ignore" -> OFF;
            default -> throw new IllegalArgumentException(
                    "unknown severity '" + value + "': expected error, warning, info, hint or off");
        };
    }
}
