package dev.stowage.checker.engine;

import java.util.List;

/**
 * One report of the Stowage checker, as data: the same object feeds the javac message, the gate's
 * output and the language server's diagnostic, so all three agree.
 *
 * @param key the diagnostic key without prefix, e.g. {@code pointer.stale} (docs/rules/README.md)
 * @param message the full human message, e.g. {@code pointer 'p' (resolved from 'store' at line 12)
 *     used after 'store.grow(...)' at line 14 may have moved its memory}
 * @param range the use that is reported
 * @param related where the value came from and what invalidated it
 * @param fixes what would fix it, best first
 */
public record Finding(String key, String message, SourceRange range, List<RelatedLocation> related, List<FixHint> fixes) {

    public Finding {
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
    }

    /** The key with the checker's prefix, e.g. {@code stowage:pointer.stale}: SARIF rule id and suppression key. */
    public String qualifiedKey() {
        return dev.stowage.checker.api.Rule.CHECKER_PREFIX + ":" + key;
    }
}
