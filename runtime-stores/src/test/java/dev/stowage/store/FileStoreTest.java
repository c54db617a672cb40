package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FileStore as a Store: persistence across reopen, the three policies, and safety for any argument. */
class FileStoreTest {

    @TempDir
    Path dir;

    static List<FileStore.Policy> policies() {
        return List.of(FileStore.Policy.linear(), FileStore.Policy.firstFit(), FileStore.Policy.slab(64));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void handlesAndSyncedDataSurviveCloseAndReopen(FileStore.Policy policy) throws IOException {
        Path file = dir.resolve("store");
        long a;
        long b;
        try (FileStore store = FileStore.open(file, policy)) {
            a = store.allocate(16, 8);
            b = store.allocate(40, 8);
            store.resolve(a, 16).set(JAVA_LONG, 8, 11);
            store.resolve(b, 40).set(JAVA_LONG, 32, 22);
            store.setRoots(a, b);
        }
        try (FileStore store = FileStore.open(file)) {
            assertEquals(policy, store.policy());
            assertEquals(a, store.root(0));
            assertEquals(11, store.resolve(a, 16).get(JAVA_LONG, 8));
            assertEquals(22, store.resolve(b, 40).get(JAVA_LONG, 32));
            store.deallocate(a, 16, 8);
            assertThrows(StaleHandleException.class, () -> store.resolve(a, 16));
            store.checkedBlocks();
        }
    }

    @Test
    void anAllocationThatGrowsTheFileKillsEveryPointerButNoHandle() throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("store"))) {
            long h = store.allocate(8, 8);
            MemorySegment p = store.resolve(h, 8);
            p.set(JAVA_LONG, 0, 7);
            long remaps = store.remaps();
            store.allocate(1 << 20, 8); // beyond the first mapping
            assertTrue(store.remaps() > remaps);
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
            assertEquals(7, store.resolve(h, 8).get(JAVA_LONG, 0));
        }
    }

    @Test
    void pointersDieAtCloseAndTheClosedStoreRefusesCalls() throws IOException {
        FileStore store = FileStore.open(dir.resolve("store"));
        long h = store.allocate(8, 8);
        MemorySegment p = store.resolve(h, 8);
        store.close();
        store.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, () -> store.allocate(8, 8));
        assertThrows(IllegalStateException.class, () -> store.resolve(h, 8));
    }

    /**
     * resolve checks handles against marks kept on the Java heap: after random allocations, frees,
     * grows, shrinks and bulk steps (and after a reopen, which rebuilds the marks), its verdict for
     * every 16-byte offset of the heap and a range of sizes must be the model's: a slice for a live
     * handle and a size within its allocation, else an exception, never a slice of other memory.
     */
    @ParameterizedTest
    @MethodSource("policies")
    void resolveAgreesWithTheLiveBlocksForEveryOffsetAndSize(FileStore.Policy policy) throws IOException {
        Path file = dir.resolve("marks");
        Random random = new Random(policy.hashCode() * 31L + 7);
        java.util.TreeMap<Long, Long> live = new java.util.TreeMap<>(); // handle -> byteSize
        for (int round = 0; round < 3; round++) {
            try (FileStore store = FileStore.open(file, policy)) {
                for (int op = 0; op < 150; op++) {
                    int what = random.nextInt(10);
                    long size = 1 + random.nextInt(policy.kind() == FileStore.Policy.Kind.SLAB ? 64 : 700);
                    if (what < 4 || live.isEmpty()) {
                        live.put(store.allocate(size, 1L << random.nextInt(policy.kind() == FileStore.Policy.Kind.SLAB ? 5 : 8)), size);
                    } else if (what < 6) {
                        long h = pick(live, random);
                        store.deallocate(h, live.remove(h), 1);
                    } else if (what < 7 && policy.kind() != FileStore.Policy.Kind.SLAB) {
                        long h = pick(live, random);
                        long old = live.remove(h);
                        live.put(store.grow(h, old, old + size, 1), old + size);
                    } else if (what < 8) {
                        long h = pick(live, random);
                        long old = live.remove(h);
                        long smaller = 1 + old / 2;
                        live.put(store.shrink(h, old, smaller, 1), smaller);
                    } else if (what < 9) {
                        long[] sizes = {size, 1 + size / 3, 16};
                        long[] hs = store.allocateBulk(sizes, 8);
                        for (int i = 0; i < hs.length; i++) live.put(hs[i], sizes[i]);
                    } else {
                        List<Long> some = new ArrayList<>(live.keySet()).subList(0, Math.min(3, live.size()));
                        long[] hs = some.stream().mapToLong(Long::longValue).toArray();
                        long[] sizes = some.stream().mapToLong(live::get).toArray();
                        store.deallocateBulk(hs, sizes, 1);
                        some.forEach(live::remove);
                    }
                    if (op % 50 == 0) checkResolveEverywhere(store, live);
                }
                checkResolveEverywhere(store, live);
            }
        }
    }

    /**
     * A popped block's header stays behind the end of the heap (the step that pops it cannot write
     * there), and an aligned allocation can grow the heap back over it, leaving it inside a free
     * gap: the freed handle must still be refused, by resolve and by deallocate (a second free would
     * corrupt the heap). The header check in the file alone accepted it.
     */
    @ParameterizedTest
    @MethodSource("policies")
    void aFreedHandleWhoseHeaderWasLeftBehindThePoppedEndStaysStale(FileStore.Policy policy) throws IOException {
        if (policy.kind() == FileStore.Policy.Kind.SLAB) return; // slots align to 16 bytes: no gap
        try (FileStore store = FileStore.open(dir.resolve("popped"), policy)) {
            long a = store.allocate(16, 8);
            long b = store.allocate(16, 8);
            long c = store.allocate(16, 8);
            store.deallocate(c, 16, 8); // popped: its header stays in the file behind the end
            store.deallocate(b, 16, 8); // popped too
            long d = store.allocate(16, 256); // the alignment gap covers c's old header
            assertTrue(d > c, "the gap must cover c's block");
            assertThrows(StaleHandleException.class, () -> store.resolve(c, 8));
            assertThrows(StaleHandleException.class, () -> store.resolve(c, 1000));
            assertThrows(StaleHandleException.class, () -> store.deallocate(c, 16, 8));
            assertThrows(StaleHandleException.class, () -> store.grow(c, 16, 32, 8));
            store.checkedBlocks();
            store.deallocate(d, 16, 256);
            store.deallocate(a, 16, 8);
            assertEquals(0, store.heapBytes());
        }
    }

    private static long pick(java.util.TreeMap<Long, Long> live, Random random) {
        return new ArrayList<>(live.keySet()).get(random.nextInt(live.size()));
    }

    private static void checkResolveEverywhere(FileStore store, java.util.TreeMap<Long, Long> live) {
        java.util.Map<Long, Long> extents = new java.util.HashMap<>();
        for (long[] block : store.checkedBlocks()) { // also checks the marks against the headers
            if (block[2] == 1) extents.put(block[0] + 16, block[1]);
        }
        assertEquals(live.keySet(), extents.keySet());
        for (long h = 0; h <= store.heapBytes() + 64; h += 16) {
            Long extent = extents.get(h);
            for (long size : new long[] {0, 8, 17, 511, 4000}) {
                final long handle = h;
                if (extent != null && size <= extent) {
                    assertEquals(size, store.resolve(handle, size).byteSize());
                } else if (extent != null) {
                    assertThrows(IllegalArgumentException.class, () -> store.resolve(handle, size), () -> handle + "/" + size);
                } else {
                    assertThrows(StaleHandleException.class, () -> store.resolve(handle, size), () -> handle + "/" + size
                            + " in " + store.checkedBlocks().stream().filter(x -> x[0] <= handle && x[0] + 16 + x[1] >= handle)
                                    .map(java.util.Arrays::toString).toList() + " heap " + store.heapBytes());
                }
            }
            if (extent != null) assertEquals(extent, store.resolve(h, extent).byteSize());
        }
    }

    /**
     * resolve's fast path reads the mark of word {@code (int) (handle >>> 9)}: a handle that differs
     * from a live one only in bits the int truncation drops (bit 40 up, the sign) names the same
     * mark, so it must be refused before that, as a stale handle (not a bounds error of the mapping).
     */
    @Test
    void handlesAliasingALiveMarkInTheirHighBitsAreStale() throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("alias"))) {
            long h = store.allocate(64, 8);
            store.allocate(32, 8);
            // (not bit 62 alone: that is a dangling handle, which resolves with byteSize 0)
            long[] aliases = {h + (1L << 40), h + (1L << 41), h + (1L << 50), h | Long.MIN_VALUE, h + (1L << 61)};
            for (long a : aliases) {
                for (long size : new long[] {0, 8, 16, 32, 64}) {
                    assertThrows(StaleHandleException.class, () -> store.resolve(a, size), () -> Long.toHexString(a) + "/" + size);
                }
            }
            assertEquals(64, store.resolve(h, 64).byteSize());
        }
    }

    @Test
    void wildForeignFreedAndMisalignedHandlesThrowAndNeverTouchMemory() throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("a")); FileStore other = FileStore.open(dir.resolve("b"))) {
            long h = store.allocate(32, 8);
            other.allocate(32, 8);
            store.allocate(32, 8); // h is not the last block
            long[] wild = {0, -16, 8, h + 8, h + 16, Long.MAX_VALUE & ~15L, Long.MIN_VALUE, 1L << 39, store.heapBytes() + 16};
            for (long w : wild) {
                assertThrows(RuntimeException.class, () -> store.resolve(w, 8), () -> "resolve " + w);
                assertThrows(RuntimeException.class, () -> store.deallocate(w, 8, 8), () -> "free " + w);
                assertThrows(RuntimeException.class, () -> store.grow(w, 8, 64, 8), () -> "grow " + w);
                assertThrows(RuntimeException.class, () -> store.shrink(w, 8, 4, 8), () -> "shrink " + w);
            }
            assertThrows(IllegalArgumentException.class, () -> store.resolve(h, 33 + 15));
            assertThrows(IllegalArgumentException.class, () -> store.resolve(h, -1));
            assertThrows(IllegalArgumentException.class, () -> store.allocate(-1, 8));
            assertThrows(IllegalArgumentException.class, () -> store.allocate(8, 3));
            assertThrows(IllegalArgumentException.class, () -> store.allocate(8, 8192));
            assertThrows(StoreExhaustedException.class, () -> store.allocate(Long.MAX_VALUE, 8));
            assertThrows(IllegalArgumentException.class, () -> store.grow(h, 32, 16, 8));
            assertThrows(IllegalArgumentException.class, () -> store.grow(h, 64, Long.MAX_VALUE, 8));
            assertThrows(StoreExhaustedException.class, () -> store.grow(h, 32, Long.MAX_VALUE, 8));
            store.deallocate(h, 32, 8);
            assertThrows(StaleHandleException.class, () -> store.deallocate(h, 32, 8), "double free");
            assertThrows(StaleHandleException.class, () -> store.resolve(h, 8), "freed");
            store.checkedBlocks();
        }
    }

    @Test
    void aHandleOfAnotherFileIsRefused() throws IOException {
        try (FileStore a = FileStore.open(dir.resolve("a")); FileStore b = FileStore.open(dir.resolve("b"))) {
            long ha = a.allocate(64, 8);
            b.allocate(16, 8);
            long hb = b.allocate(16, 8); // an offset inside a's first allocation
            assertTrue(hb > ha && hb < ha + 64);
            a.resolve(ha, 64).fill((byte) 0x5a); // whatever a's data holds, it is no block header of a
            assertThrows(StaleHandleException.class, () -> a.resolve(hb, 8));
            assertThrows(StaleHandleException.class, () -> a.deallocate(hb, 16, 8));
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void growAndShrinkKeepTheContents(FileStore.Policy policy) throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("store"), policy)) {
            long h = store.allocate(16, 8);
            store.resolve(h, 16).set(JAVA_LONG, 0, 5);
            long other = store.allocate(16, 8); // h is no longer last: growing moves or absorbs
            long bigger = policy.kind() == FileStore.Policy.Kind.SLAB ? store.grow(h, 16, 64, 8) : store.grow(h, 16, 200, 8);
            long size = policy.kind() == FileStore.Policy.Kind.SLAB ? 64 : 200;
            assertEquals(5, store.resolve(bigger, size).get(JAVA_LONG, 0));
            assertEquals(0, store.resolve(bigger, size).get(JAVA_LONG, size - 8), "the new bytes are zero");
            long smaller = store.shrink(bigger, size, 8, 8);
            assertEquals(5, store.resolve(smaller, 8).get(JAVA_LONG, 0));
            store.checkedBlocks();
            store.deallocate(smaller, 8, 8);
            store.deallocate(other, 16, 8);
            assertEquals(0, store.heapBytes(), "freeing everything pops the whole heap");
        }
    }

    @Test
    void aSlabRefusesWhatDoesNotFitItsSlots() throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("store"), FileStore.Policy.slab(64))) {
            assertThrows(StoreExhaustedException.class, () -> store.allocate(65, 8));
            long h = store.allocate(64, 8);
            assertThrows(StoreExhaustedException.class, () -> store.grow(h, 64, 65, 8));
            long second = store.allocate(8, 8);
            store.deallocate(h, 64, 8);
            assertEquals(h, store.allocate(1, 1), "a free slot is reused");
            store.checkedBlocks();
            assertTrue(second > h);
        }
    }

    @Test
    void firstFitReusesAndCoalescesHoles() throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("store"), FileStore.Policy.firstFit())) {
            long a = store.allocate(64, 8);
            long b = store.allocate(64, 8);
            long c = store.allocate(64, 8);
            store.allocate(64, 8);
            store.deallocate(a, 64, 8);
            store.deallocate(c, 64, 8);
            store.deallocate(b, 64, 8); // a, b and c coalesce into one hole
            assertEquals(1, store.checkedBlocks().stream().filter(x -> x[2] == 0).count());
            long big = store.allocate(200, 8);
            assertEquals(a, big, "the coalesced hole at the front is reused first");
            long aligned = store.allocate(8, 256);
            assertEquals(0, aligned % 256);
            store.checkedBlocks();
        }
    }

    @Test
    void linearFreesOnlyFromTheTop() throws IOException {
        try (FileStore store = FileStore.open(dir.resolve("store"), FileStore.Policy.linear())) {
            long a = store.allocate(16, 8);
            long b = store.allocate(16, 8);
            store.deallocate(a, 16, 8);
            long c = store.allocate(16, 8);
            assertTrue(c > b, "linear never reuses a hole under live memory");
            store.deallocate(c, 16, 8);
            store.deallocate(b, 16, 8); // pops b and the free a under it
            assertEquals(0, store.heapBytes());
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void bulkStepsAllocateAndFreeManyBlocksAtOnce(FileStore.Policy policy) throws IOException {
        Path file = dir.resolve("store");
        long[] sizes = new long[1000];
        java.util.Arrays.fill(sizes, 24);
        long[] handles;
        try (FileStore store = FileStore.open(file, policy)) {
            handles = store.allocateBulk(sizes, 8);
            for (int i = 0; i < handles.length; i++) store.resolve(handles[i], 24).set(JAVA_LONG, 0, i);
        }
        try (FileStore store = FileStore.open(file)) {
            for (int i = 0; i < handles.length; i++) assertEquals(i, store.resolve(handles[i], 24).get(JAVA_LONG, 0));
            long[] twice = {handles[3], handles[3]};
            assertThrows(StaleHandleException.class, () -> store.deallocateBulk(twice, new long[] {24, 24}, 8));
            assertEquals(3, store.resolve(handles[3], 24).get(JAVA_LONG, 0), "a refused bulk free frees nothing");
            store.deallocateBulk(handles, sizes, 8);
            assertEquals(0, store.heapBytes());
            long[] tooMany = new long[5000];
            java.util.Arrays.fill(tooMany, 8);
            assertThrows(IllegalArgumentException.class, () -> store.allocateBulk(tooMany, 8));
            assertEquals(0, store.heapBytes(), "a refused bulk allocation allocates nothing");
            store.checkedBlocks();
        }
    }

    @Test
    void allocateDurableWritesTheContentsInTheSameStep() throws IOException {
        Path file = dir.resolve("store");
        byte[] text = "persistent".getBytes(StandardCharsets.UTF_8);
        long h;
        try (FileStore store = FileStore.open(file)) {
            h = store.allocateDurable(MemorySegment.ofArray(text), 1);
            byte[] big = new byte[100_000];
            new Random(1).nextBytes(big);
            long g = store.allocateDurable(MemorySegment.ofArray(big), 8);
            assertArrayEquals(big, store.resolve(g, big.length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        }
        try (FileStore store = FileStore.open(file)) {
            assertArrayEquals(text, store.resolve(h, text.length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        }
    }

    /** The README's example: a vector of longs kept in a file, found again through the roots. */
    @Test
    void aStoreVecOverAFileStoreIsThereAfterAReopen() throws IOException {
        Path path = dir.resolve("prices.stowage");
        for (int run = 0; run < 3; run++) {
            try (FileStore file = FileStore.open(path)) {
                StoreVec prices = file.root(0) == 0 ? StoreVec.ofLongs(file)
                        : StoreVec.reopen(file, JAVA_LONG, file.root(0), file.root(1), file.root(2));
                assertEquals(run * 100L, prices.size());
                for (int i = 0; i < 100; i++) prices.pushLong(run * 100L + i);
                file.sync();                                                      // the elements are durable
                file.setRoots(prices.handle(), prices.size(), prices.capacity()); // and where they are
            }
        }
        try (FileStore file = FileStore.open(path)) {
            StoreVec prices = StoreVec.reopen(file, JAVA_LONG, file.root(0), file.root(1), file.root(2));
            for (int i = 0; i < 300; i++) assertEquals(i, prices.getLong(i));
            assertThrows(StaleHandleException.class, () -> StoreVec.reopen(file, JAVA_LONG, file.root(0) + 16, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> StoreVec.reopen(file, JAVA_LONG, file.root(0), 5, 4));
            prices.close(); // frees the buffer in the file
            file.checkedBlocks();
            assertEquals(0, file.heapBytes());
        }
    }

    /** The README's example run as separate processes: the vector is there after each restart. */
    @Test
    void theReadmeExampleKeepsItsVectorAcrossProcesses() throws Exception {
        Path path = dir.resolve("prices.stowage");
        String printed = "";
        for (long price : new long[] {42, 43, 44}) {
            Process run = ChildJvm.start(ReadmeExampleChild.class, path.toString(), Long.toString(price));
            printed = new String(run.getInputStream().readAllBytes()).trim();
            assertEquals(0, run.waitFor(), printed);
        }
        assertEquals("[42, 43, 44]", printed);
    }

    @Test
    void aSecondOpenInThisJvmIsRefusedAsLocked() throws IOException {
        Path file = dir.resolve("store");
        try (FileStore store = FileStore.open(file)) {
            FileStoreException e = assertThrows(FileStoreException.class, () -> FileStore.open(file));
            assertEquals(FileStoreException.Reason.LOCKED, e.reason());
            store.allocate(8, 8); // the first one is unharmed
        }
    }

    @Test
    void aFileMadeWithAnotherPolicyIsRefusedUntouched() throws IOException {
        Path file = dir.resolve("store");
        FileStore.open(file, FileStore.Policy.linear()).close();
        byte[] before = Files.readAllBytes(file);
        FileStoreException e = assertThrows(FileStoreException.class, () -> FileStore.open(file, FileStore.Policy.slab(8)));
        assertEquals(FileStoreException.Reason.POLICY_MISMATCH, e.reason());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void anEmptyFileBecomesANewStore() throws IOException {
        Path file = Files.createTempFile(dir, "empty", ".stowage");
        try (FileStore store = FileStore.open(file)) {
            assertEquals(0, store.root(0));
            store.setRoot(7, 42);
        }
        try (FileStore store = FileStore.open(file)) {
            assertEquals(42, store.root(7));
            assertThrows(IndexOutOfBoundsException.class, () -> store.root(8));
        }
    }

    @Test
    void checkedStoreWorksOverAFileStore() throws IOException {
        try (CheckedStore store = new CheckedStore(FileStore.open(dir.resolve("store")))) {
            long h = store.allocate(16, 8);
            MemorySegment p = store.resolve(h, 16);
            p.set(JAVA_LONG, 0, 3);
            assertEquals("@Multiple", store.guarantees().toString());
            store.allocate(16, 8); // FileStore is not @Stable: the checked pointer dies on any allocation
            assertThrows(IllegalStateException.class, () -> p.get(JAVA_LONG, 0));
            long grown = store.grow(h, 16, 1 << 20, 8);
            assertEquals(3, store.resolve(grown, 8).get(JAVA_LONG, 0));
            assertThrows(StaleHandleException.class, () -> store.resolve(h, 16));
            store.deallocate(grown, 1 << 20, 8);
        }
    }

    @Test
    void randomOperationsKeepTheHeapConsistentAndSurviveReopen() throws IOException {
        for (FileStore.Policy policy : policies()) {
            Path file = dir.resolve("random-" + policy.kind());
            Random random = new Random(42);
            List<long[]> live = new ArrayList<>(); // {handle, size, value}
            for (int round = 0; round < 3; round++) {
                try (FileStore store = FileStore.open(file)) {
                    for (long[] a : live) {
                        assertEquals(a[2], store.resolve(a[0], a[1]).get(JAVA_LONG, 0), "after reopen");
                    }
                    for (int i = 0; i < 300; i++) {
                        int op = random.nextInt(10);
                        if (op < 5 || live.isEmpty()) {
                            long size = 8 + random.nextInt(policy.kind() == FileStore.Policy.Kind.SLAB ? 57 : 500);
                            long h = store.allocate(size, 8);
                            long value = random.nextLong();
                            store.resolve(h, size).set(JAVA_LONG, 0, value);
                            live.add(new long[] {h, size, value});
                        } else if (op < 8) {
                            long[] a = live.remove(random.nextInt(live.size()));
                            store.deallocate(a[0], a[1], 8);
                        } else if (policy.kind() != FileStore.Policy.Kind.SLAB) {
                            long[] a = live.get(random.nextInt(live.size()));
                            long newSize = a[1] + random.nextInt(300);
                            a[0] = store.grow(a[0], a[1], newSize, 8);
                            a[1] = newSize;
                        }
                        if (i % 50 == 0) store.checkedBlocks();
                    }
                    for (long[] a : live) assertEquals(a[2], store.resolve(a[0], a[1]).get(JAVA_LONG, 0));
                    store.checkedBlocks();
                }
            }
        }
    }
}
