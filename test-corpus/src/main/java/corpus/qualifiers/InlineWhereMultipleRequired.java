package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.InlineStore;
import dev.stowage.store.Store;

// not-runnable: a qualifier mismatch is a type error with no run-time counterpart at the call
/** An InlineStore holds one allocation: it is not @Multiple, so it does not fit a @Multiple parameter. */
public final class InlineWhereMultipleRequired {
    @Invalidates("#1")
    static void keepTwo(@Multiple Store store) {
        store.allocate(16, 8);
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(InlineStore inline) {
        // :: error: [argument]
        keepTwo(inline);
    }
}
