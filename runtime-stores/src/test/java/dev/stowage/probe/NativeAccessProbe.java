package dev.stowage.probe;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.Store;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Supplier;

/**
 * User code in an unnamed module, run by {@code RestrictedStoreTest} in a child JVM where the
 * runtime is a named module: prints what each attempt to reach native memory did.
 */
public final class NativeAccessProbe {
    private NativeAccessProbe() {}

    public static void main(String[] args) {
        attempt("new GlobalStore()", () -> {
            try (GlobalStore store = new GlobalStore()) {
                return "created";
            }
        });
        Supplier<Store> factory = GlobalStore::new; // a method reference: still this module's call
        attempt("GlobalStore::new", () -> {
            try (Store store = factory.get()) {
                return "created";
            }
        });
        attempt("ArenaStore.resolve(address)", () -> {
            try (Arena arena = Arena.ofConfined(); ArenaStore store = new ArenaStore()) {
                MemorySegment secret = arena.allocate(8);
                secret.set(ValueLayout.JAVA_LONG, 0, 0x5EC12E7L);
                store.allocate(8, 8);
                return "read " + store.resolve(secret.address(), 8).get(ValueLayout.JAVA_LONG, 0);
            }
        });
        attempt("reinterpret", () -> {
            try (Arena arena = Arena.ofConfined()) {
                return "read " + MemorySegment.ofAddress(arena.allocate(8).address()).reinterpret(8)
                        .get(ValueLayout.JAVA_LONG, 0);
            }
        });
    }

    private static void attempt(String what, Supplier<String> action) {
        String outcome;
        try {
            outcome = action.get();
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.println("PROBE " + what + " -> " + outcome);
        System.out.flush();
    }
}
