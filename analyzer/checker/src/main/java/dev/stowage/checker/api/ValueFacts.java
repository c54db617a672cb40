package dev.stowage.checker.api;


/**
 * What the engine knows about the variable at one place of the source: what it holds, where that
 * came from, and whether it is still valid there. The flow analysis's own facts, so an editor's hover
 * and the findings never disagree.
 *
 * <pre>{@code
 * analyzer.factsAt(sources, "src/Demo.java", offset, () -> false)
 *         .ifPresent(f -> System.out.println(f.name() + " " + (f.live() ? "live" : "stale: " + f.cause().call())));
 * }</pre>
 *
 * @param name the variable
 * @param kind what it holds
 * @param type its declared type's simple name
 * @param guarantees for a store or object: its qualifiers, e.g. {@code @Stable @Multiple}, or {@code (no guarantees)}
 * @param origin where a handle was issued or a pointer resolved (the last assignment before the place), or null
 * @param staleRule when it is not valid here, the rule a use here breaks; null when it is live
 * @param cause what made it invalid, or null while live (or when unknown)
 */
public record ValueFacts(String name, Kind kind, String type, String guarantees, Origin origin, Rule staleRule, Cause cause) {

    /** What a variable holds. */
    public enum Kind { HANDLE, POINTER, STORE, OBJECT }

    /**
     * @param owner the store, box or collection it came from, as written ({@code store}, {@code this})
     * @param call the call, as written ({@code store.resolve(h, 16)})
     */
    public record Origin(String owner, String call, SourceRange range) {}

    /**
     * @param call the invalidating call, as findings quote it ({@code store.grow(...)})
     * @param range where it is; null for a call javac made up (the {@code close()} of a try-with-resources)
     * @param effect what it did, e.g. {@code may have moved its memory}
     */
    public record Cause(String call, SourceRange range, String effect) {}

    /** True when nothing invalidated the value before this place. */
    public boolean live() {
        return staleRule == null;
    }
}
