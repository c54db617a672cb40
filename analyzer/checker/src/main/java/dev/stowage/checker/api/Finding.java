package dev.stowage.checker.api;

import java.util.List;

/**
 * One report of the Stowage checker, as data: the same object feeds the javac message, the gate's
 * output and the language server's diagnostic, so all three agree.
 *
 * <pre>{@code
 * f.key();        // "pointer.stale"
 * f.message();    // "pointer 'p' (resolved from 'store' at line 12) used after 'store.grow(...)' at line 14 may have moved its memory"
 * f.member();     // "class Demo.method run(Store)"
 * }</pre>
 *
 * @param rule the rule it breaks (docs/rules/README.md)
 * @param wording the message as a template and its arguments; {@link #message()} is its text
 * @param range the use that is reported
 * @param member the enclosing types and method, outermost first, e.g. {@code class A.new Runnable.method run()}:
 *     the gate's baseline fingerprints use it instead of line numbers
 * @param related where the value came from and what invalidated it
 * @param fixes what would fix it, as edits of the analysed source, best first
 */
public record Finding(Rule rule, Message wording, SourceRange range, String member, List<RelatedLocation> related, List<Fix> fixes) {

    public Finding {
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
        member = member == null ? "" : member;
    }

    /** The diagnostic key without prefix, e.g. {@code pointer.stale}. */
    public String key() {
        return rule.key();
    }

    /** The full human message, rendered from {@link #wording()}. */
    public String message() {
        return wording.render();
    }

    /** The key with the checker's prefix, e.g. {@code stowage:pointer.stale}: SARIF rule id and suppression key. */
    public String qualifiedKey() {
        return rule.qualifiedKey();
    }
}
