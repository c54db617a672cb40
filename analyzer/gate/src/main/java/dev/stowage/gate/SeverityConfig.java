package dev.stowage.gate;

import dev.stowage.checker.api.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The level of each diagnostic key: {@link Level#ERROR} unless overridden with
 * {@code --severity key=level}.
 *
 * <pre>{@code
 * SeverityConfig config = SeverityConfig.parse(List.of("pointer.escape=warning", "stowage:handle.foreign=off"));
 * config.levelOf("pointer.escape");   // WARNING
 * }</pre>
 */
public final class SeverityConfig {

    private final Map<String, Level> overrides;

    private SeverityConfig(Map<String, Level> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** Every key at {@link Level#ERROR}. */
    public static SeverityConfig defaults() {
        return new SeverityConfig(Map.of());
    }

    /**
     * Parses {@code key=level} entries; a later entry for the same key wins.
     *
     * @throws IllegalArgumentException for a malformed entry, an unknown key or an unknown level,
     *     naming the entry and what is accepted
     */
    public static SeverityConfig parse(List<String> entries) {
        Map<String, Level> overrides = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--severity expects key=level, got '" + entry + "'");
            }
            String key = Rule.normalizeKey(entry.substring(0, eq));
            if (Rule.of(key).isEmpty()) {
                throw new IllegalArgumentException("--severity '" + entry + "': unknown diagnostic key '" + key
                        + "' (known keys: " + String.join(", ", Rule.keys()) + ")");
            }
            Level level;
            try {
                level = Level.parse(entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--severity '" + entry + "': " + e.getMessage(), e);
            }
            overrides.put(key, level);
        }
        return new SeverityConfig(overrides);
    }

    public Level levelOf(String key) {
        String normalized = Rule.normalizeKey(key);
        Level fallback = Rule.of(normalized).map(r -> r.defaultSeverity() == Rule.Severity.WARNING ? Level.WARNING : Level.ERROR)
                .orElse(Level.ERROR);
        return overrides.getOrDefault(normalized, fallback);
    }

    @Override
    public String toString() {
        return "SeverityConfig" + overrides;
    }
}
