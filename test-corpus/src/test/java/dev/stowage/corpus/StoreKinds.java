package dev.stowage.corpus;

import dev.stowage.store.Store;
import java.lang.reflect.Constructor;
import java.util.List;

/**
 * The store kinds a scenario may name in {@code // run-with:}, and how the runtime test makes a new
 * one. Sizes are chosen for the scenarios: allocations of at most 64 bytes, grows to at most 64.
 */
final class StoreKinds {

    /** Every kind: the memory stores, then FileStore (a new temporary file each time). */
    static final List<String> ALL = List.of("GlobalStore", "ArenaStore", "SlabStore", "GrowableStore", "InlineStore",
            "SmallStore", "SharedArenaStore", "FileStore");

    private StoreKinds() {}

    /** A new store of the named kind (a class of {@code dev.stowage.store}). */
    static Store create(String kind) throws ReflectiveOperationException {
        if (!ALL.contains(kind)) {
            throw new IllegalArgumentException("unknown store kind '" + kind + "' in '// run-with:'; the kinds are " + ALL);
        }
        Class<?> type = Class.forName("dev.stowage.store." + kind);
        return switch (kind) {
            case "SlabStore" -> (Store) construct(type, new Class<?>[] {long.class, long.class}, 64L, 8L);
            case "InlineStore" -> (Store) construct(type, new Class<?>[] {long.class}, 64L);
            // 16 inline bytes: the scenarios' 16-byte allocations start inline, a grow to 32 moves to the fallback.
            case "SmallStore" -> (Store) construct(type, new Class<?>[] {long.class, Store.class}, 16L, create("ArenaStore"));
            // a new temporary file per run, deleted when this JVM exits (the store holds it open until then)
            case "FileStore" -> {
                java.nio.file.Path file;
                try {
                    file = java.nio.file.Files.createTempFile("stowage-corpus-", ".store");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                file.toFile().deleteOnExit();
                yield (Store) type.getMethod("open", java.nio.file.Path.class).invoke(null, file);
            }
            default -> (Store) type.getConstructor().newInstance();
        };
    }

    private static Object construct(Class<?> type, Class<?>[] signature, Object... arguments) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getConstructor(signature);
        return constructor.newInstance(arguments);
    }
}
