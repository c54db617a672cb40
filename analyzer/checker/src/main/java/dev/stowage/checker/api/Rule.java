package dev.stowage.checker.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The diagnostic keys of the Stowage checker, the one list of them: the checker reports under these
 * keys, its {@code messages.properties} has one entry each, the gate's SARIF {@code rules} array and
 * {@code --severity} and the language server's codes, severities and rule links come from here, and
 * every rule has its page under {@code docs/rules/}. {@code RuleConsistencyTest} fails when a key is
 * in one of those places and not in the others.
 *
 * <pre>{@code
 * Rule r = Rule.of("stowage:pointer.stale").orElseThrow();
 * r.qualifiedKey();   // "stowage:pointer.stale": the SARIF rule id and @SuppressWarnings key
 * r.docPage();        // "pointer.stale.md", under docs/rules/
 * }</pre>
 */
public enum Rule {
    HANDLE_STALE("handle.stale", "A handle is used after an operation invalidated it."),
    POINTER_STALE("pointer.stale", "A pointer is used after an operation invalidated it."),
    STORE_CLOSED("store.closed", "A store, box or collection is used after close()."),
    USE_AFTER_MOVE("use.after.move", "A box or collection is used after moveTo()."),
    BOX_LEAK_UNPINNED("box.leak.unpinned", "leak() on a box whose store is not known to be @Pinned."),
    HANDLE_FOREIGN("handle.foreign", "A handle is used with a store other than the one that issued it."),
    POINTER_ESCAPE("pointer.escape",
            "A pointer from a store that is not @Pinned escapes to a field, a static or an unannotated result."),
    INVALIDATES_UNDECLARED("invalidates.undeclared",
            "A method invalidates a parameter's or its receiver's store without declaring @Invalidates."),
    POINTER_THREAD("pointer.thread",
            "A pointer of a confined store (an Arena.ofConfined() segment) is used in code another thread runs."),
    OWNERSHIP_BORROWED("ownership.borrowed",
            "A method releases or hands away a parameter it only borrows (Netty's decode, encode, channelRead0)."),
    // Qualifier mismatches, under the Checker Framework's keys for type errors; one page for the three.
    ARGUMENT("argument", QualifierText.PREFIX + "passed.", QualifierText.PAGE),
    ASSIGNMENT("assignment", QualifierText.PREFIX + "assigned.", QualifierText.PAGE),
    RETURN("return", QualifierText.PREFIX + "returned.", QualifierText.PAGE);

    /** The prefix of every key in {@code @SuppressWarnings} and in tool output. */
    public static final String CHECKER_PREFIX = "stowage";

    /** How serious a rule is when nobody configured it. */
    public enum Severity { ERROR, WARNING }

    private static final Map<String, Rule> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Rule::key, Function.identity()));

    private final String key;
    private final String summary;
    private final String docPage;
    private final Severity defaultSeverity;

    Rule(String key, String summary) {
        this(key, summary, key + ".md");
    }

    Rule(String key, String summary, String docPage) {
        this.key = key;
        this.summary = summary;
        this.docPage = docPage;
        // Every rule is an error unless configured: each reports a use that can crash or corrupt memory.
        this.defaultSeverity = Severity.ERROR;
    }

    /** The key without prefix, e.g. {@code pointer.stale}: javac message key, LSP code. */
    public String key() {
        return key;
    }

    /** One sentence: what the rule reports. */
    public String summary() {
        return summary;
    }

    /** The file name of the rule's page under {@code docs/rules/}, e.g. {@code pointer.stale.md}. */
    public String docPage() {
        return docPage;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The SARIF rule id and {@code @SuppressWarnings} key, e.g. {@code stowage:pointer.stale}. */
    public String qualifiedKey() {
        return CHECKER_PREFIX + ":" + key;
    }

    /** The key without the {@code stowage:} prefix, whichever way it was written. */
    public static String normalizeKey(String key) {
        String stripped = key.strip();
        String prefix = CHECKER_PREFIX + ":";
        return stripped.startsWith(prefix) ? stripped.substring(prefix.length()) : stripped;
    }

    /** The rule of a key, with or without the {@code stowage:} prefix. */
    public static Optional<Rule> of(String key) {
        return Optional.ofNullable(BY_KEY.get(normalizeKey(key)));
    }

    /** Every key, in the order of the table in docs/rules/README.md. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Rule::key).toList();
    }

    private static final class QualifierText {
        static final String PREFIX = "A store's guarantees (@Pinned, @Stable, @Multiple, @SharedStore) do not fit where it is ";
        static final String PAGE = "qualifiers.md";
    }
}
