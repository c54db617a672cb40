package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.nio.file.Path;

/** The README's FileStore example, as a program: each run adds one price and prints them all. */
public final class ReadmeExampleChild {
    public static void main(String[] args) throws Exception {
        try (FileStore file = FileStore.open(Path.of(args[0]))) {
            StoreVec prices = file.root(0) == 0 ? StoreVec.ofLongs(file)        // a new file
                    : StoreVec.reopen(file, JAVA_LONG, file.root(0), file.root(1), file.root(2));
            prices.pushLong(Long.parseLong(args[1]));
            file.sync();                                                        // the elements are durable
            file.setRoots(prices.handle(), prices.size(), prices.capacity());  // and where to find them
            System.out.println(java.util.Arrays.toString(prices.toLongArray()));
        }
    }
}
