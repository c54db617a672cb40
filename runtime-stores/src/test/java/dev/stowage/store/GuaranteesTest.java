package dev.stowage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Guarantees read from the stores' classes, and how they print (the checker's and CheckedStore's messages use it). */
class GuaranteesTest {

    @Test
    void eachStoreClassStatesItsQualifiers() {
        assertEquals("@Pinned @Multiple", Guarantees.ofClass(GlobalStore.class).toString());
        assertEquals("@Stable @Multiple", Guarantees.ofClass(ArenaStore.class).toString());
        assertEquals("@Multiple", Guarantees.ofClass(GrowableStore.class).toString());
        assertEquals("(no guarantees)", Guarantees.ofClass(InlineStore.class).toString());
        assertEquals("(no guarantees)", Guarantees.ofClass(String.class).toString(), "a class without qualifiers");
    }

    @Test
    void pinnedImpliesStableAndSharedIsShown() {
        Guarantees global = Guarantees.ofClass(GlobalStore.class);
        assertEquals(true, global.pinned());
        assertEquals(true, global.stable(), "@Pinned implies @Stable");
        assertEquals(true, global.multiple());
        assertEquals(false, global.shared());
        Guarantees shared = Guarantees.ofClass(SharedArenaStore.class);
        assertEquals(true, shared.shared());
        assertEquals(true, shared.toString().startsWith("@SharedStore "), shared.toString());
        try (CheckedStore checked = new CheckedStore(new ArenaStore())) {
            assertEquals(Guarantees.ofClass(ArenaStore.class), Guarantees.of(checked),
                    "a CheckedStore has the guarantees of the store it wraps");
        }
    }
}
