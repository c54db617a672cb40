package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.assertFindings;

import org.junit.jupiter.api.Test;

/**
 * {@code @Persistent} on a store class: its handles outlive {@code close()} (they name a file), so
 * a handle kept across a close is fine with the store reopened, while pointers and the closed object
 * are not. The contract is read from the class like any other: these stores are the test's own.
 */
class PersistentContractTest {

    /** Two stores opened by a factory, one {@code @Persistent}; the method body starts on line 8. */
    static String program(String body) {
        return """
                package app;
                import lib.*; import dev.stowage.qual.*;
                import java.lang.foreign.MemorySegment;
                import static java.lang.foreign.ValueLayout.JAVA_LONG;
                class Test {
                    void run() {
                        long h;
                """ + body + """
                    }
                }
                abstract class Opened implements MiniStore {
                    public long allocate(long size, long align) { return 16; }
                    public void deallocate(long handle, long size, long align) {}
                    public MemorySegment resolve(long handle, long size) { return MemorySegment.NULL; }
                    public long grow(long handle, long oldSize, long newSize, long align) { return handle; }
                    public void close() {}
                }
                @Persistent @Multiple final class Filed extends Opened {
                    static Filed open(String path) { return new Filed(); }
                }
                @Multiple final class Transient extends Opened {
                    static Transient open(String path) { return new Transient(); }
                }
                """;
    }

    @Test
    void aPersistentHandleKeptAcrossCloseIsFineWithTheReopenedStore() {
        assertFindings(program("""
                        try (Filed store = Filed.open("f")) { h = store.allocate(8, 8); }
                        try (Filed again = Filed.open("f")) { again.resolve(h, 8).set(JAVA_LONG, 0, 1); }
                """));
    }

    @Test
    void theSameOnAStoreWithoutTheContractIsStale() {
        assertFindings(program("""
                        try (Transient store = Transient.open("f")) { h = store.allocate(8, 8); }
                        try (Transient again = Transient.open("f")) { again.resolve(h, 8).set(JAVA_LONG, 0, 1); }
                """), "handle.stale:9");
    }

    @Test
    void aPointerKeptAcrossThePersistentStoresCloseIsStale() {
        assertFindings(program("""
                        MemorySegment p;
                        try (Filed store = Filed.open("f")) { h = store.allocate(8, 8); p = store.resolve(h, 8); }
                        try (Filed again = Filed.open("f")) { p.set(JAVA_LONG, 0, 1); }
                """), "pointer.stale:10");
    }

    @Test
    void theClosedPersistentStoreItselfIsClosed() {
        assertFindings(program("""
                        Filed store = Filed.open("f");
                        h = store.allocate(8, 8);
                        store.close();
                        store.resolve(h, 8);
                """), "store.closed:11");
    }

    @Test
    void aFreedPersistentHandleStaysStaleAcrossTheClose() {
        assertFindings(program("""
                        try (Filed store = Filed.open("f")) { h = store.allocate(8, 8); store.deallocate(h, 8, 8); }
                        try (Filed again = Filed.open("f")) { again.resolve(h, 8); }
                """), "handle.stale:9");
    }
}
