#!/usr/bin/env python3
"""One-off generator of the corpus.table scenarios: every row of the invalidation table of docs/store-model.md on every
store kind. The generated files are committed and reviewed like hand-written ones; the tests never
run this script. Re-run it only to change the whole matrix at once:

    python3 test-corpus/tools/generate_table_scenarios.py
"""
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "java", "corpus", "table")

# kind: (package, store class, qualifiers on the parameter, parameter type, multiple, stable, pinned, shared)
KINDS = [
    ("global", "GlobalStore", ["Pinned", "Multiple"], "Store", True, True, True, False),
    ("arena", "ArenaStore", ["Stable", "Multiple"], "Store", True, True, False, False),
    ("slab", "SlabStore", ["Stable", "Multiple"], "Store", True, True, False, False),
    ("growable", "GrowableStore", ["Multiple"], "Store", True, False, False, False),
    ("inline", "InlineStore", [], "Store", False, False, False, False),
    ("small", "SmallStore", ["Multiple"], "Store", True, False, False, False),
    ("shared", "SharedArenaStore", ["SharedStore", "Stable", "Multiple"], "SharingStore", True, True, False, True),
]


def guarantee_phrase(k):
    _, cls, quals, *_ = k
    return f"{cls} ({' '.join('@' + q for q in quals) if quals else 'no guarantees'})"


def cells(k):
    """Yields (class name, javadoc, body lines, expected key or None, runnable reason or None)."""
    pkg, cls, quals, ptype, multiple, stable, pinned, shared = k
    g = guarantee_phrase(k)
    out = []

    # allocate: other handles
    if multiple:
        out.append(("AllocateKeepsOtherHandle",
                    f"{g}: allocating never invalidates a handle issued before, so it still resolves.",
                    ["long first = store.allocate(16, 8);",
                     "long second = store.allocate(16, 8);",
                     "store.resolve(first, 16).set(JAVA_LONG, 0, 1);",
                     "store.resolve(second, 16).set(JAVA_LONG, 0, 2);"], None))
    else:
        out.append(("AllocateStalesOtherHandle",
                    f"{g}: a second allocation may reuse the memory of the first, so the first handle is stale.",
                    ["long first = store.allocate(16, 8);",
                     "long second = store.allocate(16, 8);",
                     "store.resolve(second, 16).set(JAVA_LONG, 0, 2);",
                     ("handle.stale", "store.resolve(first, 16).set(JAVA_LONG, 0, 1);")], "handle.stale"))
        out.append(("AllocateAfterLastUse",
                    f"{g}: the first handle is used only before the second allocation, so nothing stale is used.",
                    ["long first = store.allocate(16, 8);",
                     "store.resolve(first, 16).set(JAVA_LONG, 0, 1);",
                     "long second = store.allocate(16, 8);",
                     "store.resolve(second, 16).set(JAVA_LONG, 0, 2);"], None))

    # allocate: other pointers
    if stable:
        out.append(("AllocateKeepsOtherPointer",
                    f"{g}: allocating never moves other allocations, so a pointer resolved before stays valid.",
                    ["long first = store.allocate(16, 8);",
                     "MemorySegment p = store.resolve(first, 16);",
                     "store.allocate(16, 8);",
                     "p.set(JAVA_LONG, 0, 1);"], None))
    else:
        out.append(("AllocateStalesOtherPointer",
                    f"{g}: an allocation may move the memory of earlier ones, so a pointer resolved before it is stale.",
                    ["long first = store.allocate(16, 8);",
                     "MemorySegment p = store.resolve(first, 16);",
                     "store.allocate(16, 8);",
                     ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
        if multiple:
            out.append(("AllocateThenReresolve",
                        f"{g}: the handle survives an allocation; resolving it again after gives a valid pointer.",
                        ["long first = store.allocate(16, 8);",
                         "MemorySegment p = store.resolve(first, 16);",
                         "p.set(JAVA_LONG, 0, 1);",
                         "store.allocate(16, 8);",
                         "p = store.resolve(first, 16);",
                         "p.set(JAVA_LONG, 0, 2);"], None))
        else:
            out.append(("AllocateThenResolveNew",
                        f"{g}: after a second allocation only its own handle is resolved and used.",
                        ["long first = store.allocate(16, 8);",
                         "MemorySegment p = store.resolve(first, 16);",
                         "p.set(JAVA_LONG, 0, 1);",
                         "long second = store.allocate(16, 8);",
                         "p = store.resolve(second, 16);",
                         "p.set(JAVA_LONG, 0, 2);"], None))

    # deallocate: the handle passed and its pointers
    out.append(("DeallocateStalesHandle",
                f"{g}: a handle is stale once deallocated; resolving it again is a use after free.",
                ["long handle = store.allocate(16, 8);",
                 "store.deallocate(handle, 16, 8);",
                 ("handle.stale", "store.resolve(handle, 16).set(JAVA_LONG, 0, 1);")], "handle.stale"))
    out.append(("DeallocateStalesPointer",
                f"{g}: a pointer resolved from a handle is stale once the handle is deallocated.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "store.deallocate(handle, 16, 8);",
                 ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
    out.append(("DeallocateAfterLastUse",
                f"{g}: the pointer is used only before the deallocation, which is fine.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "p.set(JAVA_LONG, 0, 1);",
                 "store.deallocate(handle, 16, 8);"], None))

    # deallocate: other handles and pointers (two live handles need @Multiple)
    if multiple:
        if stable:
            out.append(("DeallocateKeepsOtherPointer",
                        f"{g}: freeing one allocation never moves another, so its pointer and handle stay valid.",
                        ["long kept = store.allocate(16, 8);",
                         "long freed = store.allocate(16, 8);",
                         "MemorySegment p = store.resolve(kept, 16);",
                         "store.deallocate(freed, 16, 8);",
                         "p.set(JAVA_LONG, 0, 1);",
                         "store.resolve(kept, 16).set(JAVA_LONG, 8, 2);"], None))
        else:
            out.append(("DeallocateStalesOtherPointer",
                        f"{g}: freeing one allocation may move the others, so a pointer to another allocation is stale.",
                        ["long kept = store.allocate(16, 8);",
                         "long freed = store.allocate(16, 8);",
                         "MemorySegment p = store.resolve(kept, 16);",
                         "store.deallocate(freed, 16, 8);",
                         ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
            out.append(("DeallocateKeepsOtherHandle",
                        f"{g}: freeing one allocation leaves the other handles valid; resolve them again after.",
                        ["long kept = store.allocate(16, 8);",
                         "long freed = store.allocate(16, 8);",
                         "store.deallocate(freed, 16, 8);",
                         "store.resolve(kept, 16).set(JAVA_LONG, 0, 1);"], None))

    # grow: the handle passed and its pointers
    out.append(("GrowStalesOldHandle",
                f"{g}: grow returns the handle to use from now on; the handle passed is stale even if equal.",
                ["long handle = store.allocate(16, 8);",
                 "long grown = store.grow(handle, 16, 32, 8);",
                 "store.resolve(grown, 32).set(JAVA_LONG, 0, 1);",
                 ("handle.stale", "store.resolve(handle, 16).set(JAVA_LONG, 0, 2);")], "handle.stale"))
    out.append(("GrowStalesOldPointer",
                f"{g}: a pointer resolved before a grow of its handle is stale: the memory may have moved.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "handle = store.grow(handle, 16, 32, 8);",
                 ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
    out.append(("GrowThenReresolve",
                f"{g}: the nearest safe twin of a stale grow: keep the returned handle and resolve it again.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "p.set(JAVA_LONG, 0, 1);",
                 "handle = store.grow(handle, 16, 32, 8);",
                 "p = store.resolve(handle, 32);",
                 "p.set(JAVA_LONG, 8, 2);"], None))
    out.append(("GrowZeroedStalesOldPointer",
                f"{g}: growZeroed invalidates like grow: the old pointer is stale.",
                ["long handle = store.allocateZeroed(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "handle = store.growZeroed(handle, 16, 32, 8);",
                 ("pointer.stale", "p.get(JAVA_LONG, 0);")], "pointer.stale"))

    if multiple:
        if stable:
            out.append(("GrowKeepsOtherPointer",
                        f"{g}: growing one allocation never moves another, so a pointer to another stays valid.",
                        ["long kept = store.allocate(16, 8);",
                         "long grown = store.allocate(16, 8);",
                         "MemorySegment p = store.resolve(kept, 16);",
                         "grown = store.grow(grown, 16, 32, 8);",
                         "p.set(JAVA_LONG, 0, 1);",
                         "store.resolve(grown, 32).set(JAVA_LONG, 0, 2);"], None))
        else:
            out.append(("GrowStalesOtherPointer",
                        f"{g}: growing one allocation may move the others (the store is not @Stable), so a pointer to another allocation is stale.",
                        ["long kept = store.allocate(16, 8);",
                         "long grown = store.allocate(16, 8);",
                         "MemorySegment p = store.resolve(kept, 16);",
                         "grown = store.grow(grown, 16, 32, 8);",
                         ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
        out.append(("GrowKeepsOtherHandle",
                    f"{g}: growing one allocation leaves the other handles valid: resolving them after is fine.",
                    ["long kept = store.allocate(16, 8);",
                     "long grown = store.allocate(16, 8);",
                     "grown = store.grow(grown, 16, 32, 8);",
                     "store.resolve(kept, 16).set(JAVA_LONG, 0, 1);",
                     "store.resolve(grown, 32).set(JAVA_LONG, 0, 2);"], None))

    # shrink
    out.append(("ShrinkStalesOldPointer",
                f"{g}: shrink invalidates like grow: a pointer resolved before it is stale.",
                ["long handle = store.allocate(32, 8);",
                 "MemorySegment p = store.resolve(handle, 32);",
                 "handle = store.shrink(handle, 32, 16, 8);",
                 ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
    out.append(("ShrinkStalesOldHandle",
                f"{g}: shrink returns the handle to use from now on; the one passed is stale.",
                ["long handle = store.allocate(32, 8);",
                 "long shrunk = store.shrink(handle, 32, 16, 8);",
                 "store.resolve(shrunk, 16).set(JAVA_LONG, 0, 1);",
                 ("handle.stale", "store.resolve(handle, 16).set(JAVA_LONG, 0, 2);")], "handle.stale"))
    out.append(("ShrinkThenReresolve",
                f"{g}: after a shrink, resolving the returned handle gives a valid pointer.",
                ["long handle = store.allocate(32, 8);",
                 "handle = store.shrink(handle, 32, 16, 8);",
                 "store.resolve(handle, 16).set(JAVA_LONG, 0, 1);"], None))

    # resolve invalidates nothing
    out.append(("ResolveInvalidatesNothing",
                f"{g}: resolving is not an invalidation: two pointers to one allocation are both valid.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "MemorySegment q = store.resolve(handle, 16);",
                 "p.set(JAVA_LONG, 0, 1);",
                 "q.set(JAVA_LONG, 8, p.get(JAVA_LONG, 0));"], None))

    # close
    closes_msg = ("closing the store frees its memory" if not shared else
                  "closing a member of a sharing set kills that member's view, even while another member keeps the memory alive")
    out.append(("CloseStalesPointer",
                f"{g}: {closes_msg}, so a pointer resolved from it is stale.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "store.close();",
                 ("pointer.stale", "p.set(JAVA_LONG, 0, 1);")], "pointer.stale"))
    out.append(("UseAfterClose",
                f"{g}: a closed store is dead; allocating from it is an error.",
                ["store.allocate(16, 8);",
                 "store.close();",
                 ("store.closed", "store.allocate(16, 8);")], "store.closed"))
    out.append(("CloseAfterLastUse",
                f"{g}: the store is closed after its last use: nothing stale is used.",
                ["long handle = store.allocate(16, 8);",
                 "MemorySegment p = store.resolve(handle, 16);",
                 "p.set(JAVA_LONG, 0, 1);",
                 "store.close();"], None))

    # box.leak(): sound only on a @Pinned store
    if pinned:
        out.append(("BoxLeakPinned",
                    f"{g}: leaking a box is sound on a pinned store: the memory is never moved or freed.",
                    ["MemorySegment forever = StoreBox.allocate(store, JAVA_LONG).leak();",
                     "forever.set(JAVA_LONG, 0, 1);"], None, RUN_LEAK))
    else:
        out.append(("BoxLeakUnpinned",
                    f"{g}: leaking a box is unsound on a store that is not @Pinned: closing the store frees the memory.",
                    [("box.leak.unpinned", "MemorySegment forever = StoreBox.allocate(store, JAVA_LONG).leak();"),
                     "forever.set(JAVA_LONG, 0, 1);"], "box.leak.unpinned"))
        out.append(("BoxKeptNotLeaked",
                    f"{g}: the safe twin of leaking: keep the box and close it when done.",
                    ["try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {",
                     "    box.get().set(JAVA_LONG, 0, 1);",
                     "}"], None))
    return out


# The leaked memory of a pinned store outlives everything: running it leaks 8 bytes, which is fine.
# On other stores StoreBox.leak() itself refuses at run time (UnsupportedOperationException).
RUN_LEAK = None


HEADER = "package corpus.table.{pkg};\n\n"


def render(k, name, doc, body, key, not_runnable=None):
    pkg, cls, quals, ptype, *_ = k
    text = "\n".join(l if isinstance(l, str) else l[1] for l in body)
    imports = ["import static java.lang.foreign.ValueLayout.JAVA_LONG;", ""]
    closes = "store.close()" in text
    qual_imports = set(quals) | {"Invalidates"} | ({"Invalidates.Effect"} if closes else set())
    imports += [f"import dev.stowage.qual.{q};" for q in sorted(qual_imports)]
    imports.append(f"import dev.stowage.store.{ptype};")
    if "StoreBox" in text:
        imports.append("import dev.stowage.store.StoreBox;")
    if "MemorySegment" in text:
        imports.append("import java.lang.foreign.MemorySegment;")
    lines = [HEADER.format(pkg=pkg) + "\n".join(imports), ""]
    if not_runnable:
        lines.append(f"// not-runnable: {not_runnable}")
    else:
        lines.append(f"// run-with: {cls}")
    lines.append(f"/** {doc} */")  # one line: the scenario says in one sentence what it shows
    lines.append(f"public final class {name} {{")
    param = " ".join("@" + q for q in quals) + (" " if quals else "") + ptype
    # The scenario invalidates the store it is given, so it declares it (else: invalidates.undeclared).
    lines.append('    @Invalidates(value = "#1", effect = Effect.CLOSE)' if closes else '    @Invalidates("#1")')
    lines.append(f"    public static void run({param} store) {{")
    for l in body:
        if isinstance(l, str):
            lines.append("        " + l)
        else:
            lines.append(f"        // :: error: [{l[0]}]")
            lines.append("        " + l[1])
    lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    count = 0
    for k in KINDS:
        d = os.path.join(ROOT, k[0])
        os.makedirs(d, exist_ok=True)
        for cell in cells(k):
            name, doc, body, key = cell[:4]
            not_runnable = cell[4] if len(cell) > 4 else None
            with open(os.path.join(d, name + ".java"), "w") as f:
                f.write(render(k, name, doc, body, key, not_runnable))
            count += 1
    print(f"wrote {count} scenarios under {os.path.normpath(ROOT)}")


if __name__ == "__main__":
    main()
