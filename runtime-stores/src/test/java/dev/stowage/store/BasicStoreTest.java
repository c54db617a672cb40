package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The basics every store that holds many allocations must get right: write, grow, read back, free, close. */
class BasicStoreTest {

    static Stream<Supplier<Store>> stores() {
        return StoreFactories.multipleAndChecked();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void writtenDataSurvivesGrowAndShrink(Supplier<Store> factory) {
        try (Store store = factory.get()) {
            long h = store.allocate(16, 8);
            MemorySegment p = store.resolve(h, 16);
            p.set(JAVA_LONG, 0, 11);
            p.set(JAVA_LONG, 8, 22);
            long other = store.allocate(8, 8);
            store.resolve(other, 8).set(JAVA_LONG, 0, 99);
            h = store.grow(h, 16, 32, 8);
            p = store.resolve(h, 32);
            assertEquals(11, p.get(JAVA_LONG, 0));
            assertEquals(22, p.get(JAVA_LONG, 8));
            h = store.shrink(h, 32, 8, 8);
            assertEquals(11, store.resolve(h, 8).get(JAVA_LONG, 0));
            assertEquals(99, store.resolve(other, 8).get(JAVA_LONG, 0));
            store.deallocate(h, 8, 8);
            store.deallocate(other, 8, 8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void zeroedMemoryIsZero(Supplier<Store> factory) {
        try (Store store = factory.get()) {
            long dirty = store.allocate(32, 8);
            store.resolve(dirty, 32).fill((byte) 0x5a);
            store.deallocate(dirty, 32, 8);
            long h = store.allocateZeroed(32, 8);
            for (int i = 0; i < 32; i += 8) {
                assertEquals(0, store.resolve(h, 32).get(JAVA_LONG, i));
            }
            store.resolve(h, 32).fill((byte) 0x5a);
            h = store.growZeroed(h, 32, 48, 8);
            assertEquals(0x5a5a5a5a5a5a5a5aL, store.resolve(h, 48).get(JAVA_LONG, 24));
            assertEquals(0, store.resolve(h, 48).get(JAVA_LONG, 32));
            assertEquals(0, store.resolve(h, 48).get(JAVA_LONG, 40));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void danglingResolvesToNoMemory(Supplier<Store> factory) {
        try (Store store = factory.get()) {
            long d = store.dangling(64);
            assertEquals(0, store.resolve(d, 0).byteSize());
            assertEquals(0, store.resolve(d, 0).address() % 64);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void useAfterCloseThrows(Supplier<Store> factory) {
        Store store = factory.get();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.allocate(8, 8));
    }
}
