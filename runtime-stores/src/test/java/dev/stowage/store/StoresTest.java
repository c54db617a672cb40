package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scoped stores: the factories without a store use the innermost Stores.where scope. */
class StoresTest {

    @Test
    void outsideEveryScopeThereIsNoStoreAndTheFactoriesSaySo() {
        assertFalse(Stores.isScoped());
        assertEquals(Optional.empty(), Stores.find());
        NoScopedStoreException e = assertThrows(NoScopedStoreException.class, StoreVec::ofLongs);
        assertTrue(e.getMessage().contains("Stores.where"), e.getMessage());
        assertThrows(NoScopedStoreException.class, StoreLongMap::create);
        assertThrows(NoScopedStoreException.class, () -> StoreList.create(JAVA_LONG));
        assertThrows(NoScopedStoreException.class, () -> StoreBox.allocate(JAVA_LONG));
        assertThrows(NoScopedStoreException.class, () -> StoreVec.create(JAVA_LONG));
    }

    @Test
    void factoriesWithoutAStoreAllocateInTheScopedStore() throws Exception {
        try (ArenaStore arena = new ArenaStore()) {
            long sum = Stores.where(arena).call(() -> {
                assertTrue(Stores.isScoped(), "inside Stores.where");
                try (StoreVec v = StoreVec.ofLongs(); StoreLongMap m = StoreLongMap.create();
                        StoreList l = StoreList.create(JAVA_LONG); StoreBox b = StoreBox.allocate(JAVA_LONG)) {
                    assertSame(arena, v.store());
                    assertSame(arena, m.store());
                    assertSame(arena, l.store());
                    assertSame(arena, b.store());
                    v.pushLong(40);
                    m.put(1, 2);
                    return v.getLong(0) + m.get(1, 0);
                }
            });
            assertEquals(42, sum);
            assertTrue(arena.reservedBytes() > 0, "the collections allocated in the arena");
        }
    }

    @Test
    void nestedScopesNestAndTheOuterStoreComesBack() {
        try (ArenaStore outer = new ArenaStore(); GlobalStore inner = new GlobalStore()) {
            Stores.where(outer).run(() -> {
                assertSame(outer, Stores.current());
                Stores.where(inner).run(() -> {
                    assertSame(inner, Stores.current());
                    try (StoreVec v = StoreVec.ofLongs()) {
                        assertSame(inner, v.store());
                    }
                });
                assertSame(outer, Stores.current(), "leaving the inner scope restores the outer store");
                try (StoreVec v = StoreVec.ofLongs()) {
                    assertSame(outer, v.store());
                }
            });
            assertFalse(Stores.isScoped());
        }
    }

    @Test
    void anExceptionLeavesTheScopeToo() {
        try (ArenaStore arena = new ArenaStore()) {
            assertThrows(IllegalStateException.class, () -> Stores.where(arena).run(() -> {
                throw new IllegalStateException("boom");
            }));
            assertFalse(Stores.isScoped());
        }
    }

    @Test
    void anotherThreadDoesNotSeeTheScope() throws Exception {
        try (ArenaStore arena = new ArenaStore()) {
            boolean[] seen = new boolean[1];
            Stores.where(arena).call(() -> {
                Thread t = Thread.ofPlatform().start(() -> seen[0] = Stores.isScoped());
                t.join();
                return null;
            });
            assertFalse(seen[0], "a plain thread does not inherit the scoped store");
        }
    }

    @Test
    void whereRefusesNull() {
        assertThrows(NullPointerException.class, () -> Stores.where(null));
    }
}
