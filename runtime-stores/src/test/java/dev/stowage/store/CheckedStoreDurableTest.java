package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CheckedStore over a FileStore: the DurableStore operations forwarded with the wrapper's checks. */
class CheckedStoreDurableTest {

    @TempDir
    Path dir;

    /** Code written against DurableStore: a counter kept in the file, found again through root 0. */
    private static long bumpCounter(DurableStore store) {
        long h = store.root(0) == 0 ? 0 : store.adopt(store.root(0), 8, 8);
        if (h == 0) {
            h = store.allocate(8, 8);
            store.setRoot(0, store.persistentHandle(h));
        }
        MemorySegment counter = store.resolve(h, 8);
        counter.set(JAVA_LONG, 0, counter.get(JAVA_LONG, 0) + 1);
        store.sync();
        return counter.get(JAVA_LONG, 0);
    }

    @Test
    void theSameDurableCodeRunsOverFileStoreAndCheckedFileStoreAcrossReopens() throws IOException {
        Path file = dir.resolve("counter");
        Function<FileStore, DurableStore> plain = s -> s;
        Function<FileStore, DurableStore> checked = CheckedStore::new;
        long expected = 0;
        for (Function<FileStore, DurableStore> wrap : java.util.List.of(checked, plain, checked, checked, plain)) {
            try (DurableStore store = wrap.apply(FileStore.open(file))) {
                assertEquals(++expected, bumpCounter(store));
            }
        }
    }

    @Test
    void aCheckedHandleDiesWithItsWrapperButItsPersistentHandleIsAdoptedAfterReopen() throws IOException {
        Path file = dir.resolve("store");
        long checkedHandle;
        long persistent;
        CheckedStore first = new CheckedStore(FileStore.open(file));
        checkedHandle = first.allocate(16, 8);
        first.resolve(checkedHandle, 16).set(JAVA_LONG, 8, 42);
        persistent = first.persistentHandle(checkedHandle);
        assertNotEquals(checkedHandle, persistent);
        first.setRoots(persistent, 16);
        first.close();
        try (CheckedStore store = new CheckedStore(FileStore.open(file))) {
            assertEquals(persistent, store.root(0), "roots are never translated");
            assertEquals(16, store.root(1));
            assertThrows(StaleHandleException.class, () -> store.resolve(checkedHandle, 16),
                    "a checked handle of a closed wrapper");
            long h = store.adopt(store.root(0), store.root(1), 8);
            assertEquals(42, store.resolve(h, 16).get(JAVA_LONG, 8));
            StaleHandleException twice = assertThrows(StaleHandleException.class, () -> store.adopt(persistent, 16, 8));
            assertTrue(twice.getMessage().contains("already live"), twice.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.deallocate(h, 8, 8), "adopted with 16 bytes");
            assertThrows(StaleHandleException.class, () -> store.adopt(persistent + 16, 16, 8), "no block there");
            store.deallocate(h, 16, 8);
            assertThrows(StaleHandleException.class, () -> store.persistentHandle(h));
            assertThrows(StaleHandleException.class, () -> store.adopt(persistent, 16, 8), "freed in the file");
            assertTrue(store.outstanding().isEmpty());
        }
    }

    @Test
    void allocateDurableIssuesACheckedHandleAndKillsPointersNotHandles() throws IOException {
        try (CheckedStore store = new CheckedStore(FileStore.open(dir.resolve("store")))) {
            long a = store.allocate(8, 8);
            MemorySegment p = store.resolve(a, 8);
            MemorySegment contents = MemorySegment.ofArray(new long[] {7, 8, 9});
            long b = store.allocateDurable(contents, 8);
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0), "FileStore is not @Stable");
            store.resolve(a, 8).set(JAVA_LONG, 0, 1); // FileStore is @Multiple: a lives
            assertArrayEquals(new long[] {7, 8, 9}, store.resolve(b, 24).toArray(JAVA_LONG));
            assertThrows(IllegalArgumentException.class, () -> store.resolve(b, 32));
            assertEquals(2, store.outstanding().size());
            store.deallocate(a, 8, 8);
            store.deallocate(b, 24, 8);
        }
    }

    @Test
    void bulkStepsIssueAndKillCheckedHandles() throws IOException {
        try (CheckedStore store = new CheckedStore(FileStore.open(dir.resolve("store")))) {
            long keep = store.allocate(8, 8);
            long[] sizes = {8, 0, 40, 16};
            long[] hs = store.allocateBulk(sizes, 8);
            assertEquals(5, store.outstanding().size() + 1, "the zero-byte one is dangling, never outstanding");
            for (int i = 0; i < hs.length; i++) {
                assertEquals(sizes[i], store.resolve(hs[i], sizes[i]).byteSize());
            }
            MemorySegment p = store.resolve(keep, 8);
            store.deallocateBulk(hs, sizes, 8);
            for (int i = 0; i < hs.length; i++) {
                if (sizes[i] == 0) continue;
                long h = hs[i];
                StaleHandleException e = assertThrows(StaleHandleException.class, () -> store.resolve(h, 8));
                assertTrue(e.getMessage().contains("freed by deallocateBulk"), e.getMessage());
            }
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0), "pointers die as on ALLOCATE");
            assertEquals(8, store.resolve(keep, 8).byteSize());
            store.deallocate(keep, 8, 8);
            assertTrue(store.outstanding().isEmpty());
        }
    }

    @Test
    void aBadHandleInABulkFreeFreesNothing() throws IOException {
        try (CheckedStore store = new CheckedStore(FileStore.open(dir.resolve("store")))) {
            long a = store.allocate(8, 8);
            long b = store.allocate(8, 8);
            long gone = store.allocate(8, 8);
            store.deallocate(gone, 8, 8);
            FileStore file = (FileStore) store.inner();
            int blocksBefore = file.checkedBlocks().size();
            assertThrows(StaleHandleException.class, () -> store.deallocateBulk(new long[] {a, gone, b}, new long[] {8, 8, 8}, 8));
            assertThrows(StaleHandleException.class, () -> store.deallocateBulk(new long[] {a, b, a}, new long[] {8, 8, 8}, 8));
            assertThrows(IllegalArgumentException.class, () -> store.deallocateBulk(new long[] {a, b}, new long[] {8, 16}, 8));
            assertThrows(IllegalArgumentException.class, () -> store.deallocateBulk(new long[] {a, b}, new long[] {8}, 8));
            assertEquals(blocksBefore, file.checkedBlocks().size());
            assertEquals(2, store.outstanding().size());
            store.resolve(a, 8).set(JAVA_LONG, 0, 1);
            store.resolve(b, 8).set(JAVA_LONG, 0, 2);
            store.deallocateBulk(new long[] {a, b}, new long[] {8, 8}, 8);
            assertTrue(store.outstanding().isEmpty());
        }
    }

    @Test
    void durableOperationsOverAStoreThatIsNotDurableAreUnsupported() {
        try (CheckedStore store = new CheckedStore(new ArenaStore())) {
            assertThrows(UnsupportedOperationException.class, store::sync);
            assertThrows(UnsupportedOperationException.class, () -> store.root(0));
            assertThrows(UnsupportedOperationException.class, () -> store.allocateBulk(new long[] {8}, 8));
            assertThrows(UnsupportedOperationException.class, () -> store.allocateDurable(MemorySegment.ofArray(new byte[8]), 8));
            long h = store.allocate(8, 8);
            assertThrows(UnsupportedOperationException.class, () -> store.persistentHandle(h));
            store.deallocate(h, 8, 8);
        }
    }

    @Test
    void durableOperationsOnAClosedWrapperThrow() throws IOException {
        CheckedStore store = new CheckedStore(FileStore.open(dir.resolve("store")));
        store.close();
        assertThrows(IllegalStateException.class, store::sync);
        assertThrows(IllegalStateException.class, () -> store.root(0));
        assertThrows(IllegalStateException.class, () -> store.allocateBulk(new long[] {8}, 8));
    }
}
