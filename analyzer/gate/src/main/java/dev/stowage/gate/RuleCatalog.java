package dev.stowage.gate;

import dev.stowage.checker.engine.Finding;
import dev.stowage.project.RuleDocs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnostic keys of the Stowage checker (fixed names, docs/rules/README.md) — then the Checker Framework
 * type-system keys it reports for the store qualifiers ({@code argument}, {@code assignment}, …) —
 * with a one-line description each, and the rule documentation ({@code docs/rules/<key>.md}) that
 * ships inside the gate's jar.
 *
 * <pre>{@code
 * RuleCatalog.isKnown("pointer.stale");          // true
 * RuleCatalog.normalizeKey("stowage:pointer.stale"); // "pointer.stale"
 * }</pre>
 */
public final class RuleCatalog {

    /** One rule: its key (without prefix) and what it reports. */
    public record Rule(String key, String shortDescription) {
        /** The SARIF rule id and {@code @SuppressWarnings} key, e.g. {@code stowage:pointer.stale}. */
        public String qualifiedKey() {
            return Finding.CHECKER_PREFIX + ":" + key;
        }

        /** The file name of the rule's documentation under {@code docs/rules/}. */
        public String docFileName() {
            return key + ".md";
        }
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        add("handle.stale", "A handle is used after an operation invalidated it.");
        add("pointer.stale", "A pointer is used after an operation invalidated it.");
        add("store.closed", "A store, box or collection is used after close().");
        add("use.after.move", "A box or collection is used after moveTo().");
        add("box.leak.unpinned", "leak() on a box whose store is not known to be @Pinned.");
        add("handle.foreign", "A handle is used with a store other than the one that issued it.");
        add("pointer.escape", "A pointer from a store that is not @Pinned escapes to a field, a static or an unannotated result.");
        add("invalidates.undeclared", "A method invalidates a parameter's or its receiver's store without declaring @Invalidates.");
        add("pointer.thread", "A pointer of a confined store (an Arena.ofConfined() segment) is used in code another thread runs.");
        add("ownership.borrowed", "A method releases or hands away a parameter it only borrows (Netty's decode, encode, channelRead0).");
        // The Checker Framework's own type-system errors, which the checker reports for the store
        // qualifiers: a store whose guarantees (@Pinned, @Stable, @Multiple, @SharedStore) do not
        // fit where it is passed, assigned, returned or overridden.
        String typeError = "A store's guarantees (@Pinned, @Stable, @Multiple, @SharedStore) do not fit where it is ";
        add("argument", typeError + "passed.");
        add("assignment", typeError + "assigned.");
        add("return", typeError + "returned.");
        add("override.param", typeError + "a parameter of an overriding method.");
        add("override.return", typeError + "returned by an overriding method.");
        add("type.argument", typeError + "a type argument.");
    }

    private static void add(String key, String description) {
        RULES.put(key, new Rule(key, description));
    }

    private RuleCatalog() {}

    /** Every rule, in the order of the table in docs/rules/README.md. */
    public static List<Rule> rules() {
        return List.copyOf(RULES.values());
    }

    /** The key without the {@code stowage:} prefix, whichever way it was written. */
    public static String normalizeKey(String key) {
        String stripped = key.strip();
        String prefix = Finding.CHECKER_PREFIX + ":";
        return stripped.startsWith(prefix) ? stripped.substring(prefix.length()) : stripped;
    }

    public static boolean isKnown(String key) {
        return RULES.containsKey(normalizeKey(key));
    }

    /** The rule of a key, or a rule made up on the spot for a key this gate does not know yet. */
    public static Rule rule(String key) {
        String normalized = normalizeKey(key);
        Rule known = RULES.get(normalized);
        return known != null ? known : new Rule(normalized, "Stowage checker diagnostic '" + normalized + "'.");
    }

    /** The Markdown documentation of a rule, when the build bundled {@code docs/rules/<key>.md}. */
    public static Optional<String> documentation(String key) {
        return RuleDocs.markdown(rule(key).key());
    }
}
