package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store's handles are <em>persistent</em>: they name memory that outlives the store object (a
 * file), so {@code close()} kills the object and every pointer resolved from it, but no handle. A
 * handle kept across {@code close()} (in a local, a field, a root slot) is valid again with the
 * store reopened on the same file. The rest of the invalidation table is unchanged: a freed handle
 * is stale, a pointer is stale after close, and using the closed object is {@code store.closed}.
 *
 * <p>The checker cannot tell files apart, so it accepts a persistent handle with any other store
 * of a persistent type that was not created with {@code new} in the method (a store made with
 * {@code new} starts from an empty file of its own, as for {@link SharedStore}); a handle used with
 * a store of another file is the caller's error the checker does not see (the store's run-time
 * check refuses it when it names no live allocation there).
 * <pre>{@code
 * @Persistent @Multiple
 * public final class FileStore implements DurableStore { ... }
 *
 * long h;
 * try (FileStore store = FileStore.open(path)) { h = store.allocate(8, 8); }
 * try (FileStore store = FileStore.open(path)) { store.resolve(h, 8); }   // fine: h persists
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Persistent {}
