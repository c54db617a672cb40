package sample.core;

import dev.stowage.store.Store;

/** Sizes of the count tables, shared by the modules of the sample. */
public final class Tables {

    /** Bytes of a first table: two counts. */
    public static final long FIRST_BYTES = 16;

    private Tables() {}

    /** Allocates a first table in a store and returns its handle. */
    public static long firstTable(Store store) {
        return store.allocate(FIRST_BYTES, 8);
    }
}
