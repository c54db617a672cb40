package dev.stowage.lsp.core;

import dev.stowage.checker.api.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the client configured (the {@code stowage} section of its settings), as plain values.
 *
 * <pre>{@code
 * Settings s = Settings.defaults().withSeverity("pointer.escape", Severity.WARNING);
 * s.severityOf("pointer.escape");   // WARNING
 * s.severityOf("pointer.stale");    // ERROR, the default
 * }</pre>
 *
 * @param severities per key (without the {@code stowage:} prefix); keys not listed have their {@link Rule#defaultSeverity()}
 * @param classpath entries the client set ({@code stowage.classpath}); {@code null} means "ask Maven"
 * @param rulesBaseUrl where {@code <key>.md} rule pages live; {@code null} for no link
 * @param debounceMillis how long to wait after an edit before analysing
 * @param showJavacErrors whether javac's own errors are published (source {@code javac})
 * @param stubs the user's stub files or folders of {@code .astub} files ({@code stowage.stubs}),
 *     passed to the checker as {@code -Astubs=}; empty for none (the bundled library models are always read)
 */
public record Settings(
        Map<String, Severity> severities,
        List<String> classpath,
        String rulesBaseUrl,
        long debounceMillis,
        boolean showJavacErrors,
        List<String> stubs) {

    /** The burst window when the client says nothing: edits closer than this wait; the first edit after a pause does not. */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 50;

    public Settings {
        severities = Map.copyOf(severities);
        classpath = classpath == null ? null : List.copyOf(classpath);
        stubs = stubs == null ? List.of() : List.copyOf(stubs);
        if (debounceMillis < 0) throw new IllegalArgumentException("debounce must be >= 0 ms, got " + debounceMillis);
    }

    /** Every key an error, classpath from Maven, no rule link, javac errors shown. */
    public static Settings defaults() {
        return new Settings(Map.of(), null, null, DEFAULT_DEBOUNCE_MILLIS, true, List.of());
    }

    /** The severity for a key, with or without the {@code stowage:} prefix. */
    public Severity severityOf(String key) {
        String bare = Rule.normalizeKey(key);
        Severity fallback = Rule.of(bare).map(r -> r.defaultSeverity() == Rule.Severity.WARNING ? Severity.WARNING : Severity.ERROR)
                .orElse(Severity.ERROR);
        return severities.getOrDefault(bare, fallback);
    }

    public Settings withSeverity(String key, Severity severity) {
        Map<String, Severity> copy = new LinkedHashMap<>(severities);
        copy.put(key, Objects.requireNonNull(severity));
        return new Settings(copy, classpath, rulesBaseUrl, debounceMillis, showJavacErrors, stubs);
    }

    public Settings withClasspath(List<String> entries) {
        return new Settings(severities, entries, rulesBaseUrl, debounceMillis, showJavacErrors, stubs);
    }

    public Settings withRulesBaseUrl(String url) {
        return new Settings(severities, classpath, url, debounceMillis, showJavacErrors, stubs);
    }

    public Settings withDebounceMillis(long millis) {
        return new Settings(severities, classpath, rulesBaseUrl, millis, showJavacErrors, stubs);
    }

    public Settings withShowJavacErrors(boolean show) {
        return new Settings(severities, classpath, rulesBaseUrl, debounceMillis, show, stubs);
    }

    public Settings withStubs(List<String> entries) {
        return new Settings(severities, classpath, rulesBaseUrl, debounceMillis, showJavacErrors, entries);
    }

    /** The link to a key's rule page, or {@code null} when no base is known. */
    public String ruleUrl(String key) {
        if (rulesBaseUrl == null || rulesBaseUrl.isBlank()) return null;
        String page = Rule.of(key).map(Rule::docPage).orElse(Rule.normalizeKey(key) + ".md");
        return rulesBaseUrl.endsWith("/") ? rulesBaseUrl + page : rulesBaseUrl + "/" + page;
    }
}
