package sample.core;

/** Sizes of the count tables, shared by the modules of the sample. */
public final class Tables {

    /** Bytes of a first table: two counts. */
    public static final long FIRST_BYTES = 16;

    private Tables() {}
}
