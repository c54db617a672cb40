package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn and failed writes: for every operation and every N, the N-th write or force of that
 * operation fails (cleanly, torn in half, or as a full disk), the process or the machine "dies" at
 * that moment, and the file reopened afterwards holds the state before or after the operation,
 * never a mix. Also: a full disk is a clear error that changes nothing; a damaged header, a foreign
 * file, a newer major version and a locked file are refused and left untouched, byte for byte.
 */
public class FileStoreFaultTest {

    @TempDir
    Path dir;

    /** The operations under test; handles come from the roots the setup stored. */
    private static Map<String, Consumer<FileStore>> operations() {
        Map<String, Consumer<FileStore>> ops = new LinkedHashMap<>();
        ops.put("allocate into a hole", s -> s.allocate(64, 8));
        ops.put("allocate that grows the file", s -> s.allocate(1 << 20, 8));
        ops.put("deallocate in the middle", s -> s.deallocate(s.root(1), 16, 8));
        ops.put("deallocate the top", s -> s.deallocate(s.root(2), 32, 8));
        ops.put("grow by moving", s -> s.grow(s.root(0), 48, 400, 8));
        ops.put("grow into the next hole", s -> s.grow(s.root(0), 48, 120, 8));
        ops.put("grow the top in place", s -> s.grow(s.root(2), 32, 5000, 8));
        ops.put("shrink", s -> s.shrink(s.root(0), 48, 16, 8));
        ops.put("allocate 100 in bulk", s -> s.allocateBulk(filled(100, 24), 8));
        ops.put("deallocate 2 in bulk", s -> s.deallocateBulk(new long[] {s.root(0), s.root(1)}, new long[] {48, 16}, 8));
        ops.put("set roots", s -> s.setRoots(7, 8, 9, 10));
        ops.put("allocate durable", s -> s.allocateDurable(MemorySegment.ofArray(pattern(512, 9)), 8));
        ops.put("sync after a write", s -> {
            s.resolve(s.root(0), 48).fill((byte) 0x77);
            s.sync();
        });
        return ops;
    }

    private static long[] filled(int n, long value) {
        long[] a = new long[n];
        Arrays.fill(a, value);
        return a;
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed * 31 + i);
        return b;
    }

    /** Blocks a, b, c, d, e with data; b and d freed (holes); roots = a, c, e. */
    private static void setup(FileStore s) {
        long a = s.allocate(48, 8);
        long b = s.allocate(100, 8);
        long c = s.allocate(16, 8);
        long d = s.allocate(200, 8);
        long e = s.allocate(32, 8);
        for (long h : new long[] {a, b, c, d, e}) s.resolve(h, 16).copyFrom(MemorySegment.ofArray(pattern(16, (int) h)));
        s.deallocate(b, 100, 8);
        s.deallocate(d, 200, 8);
        s.setRoots(a, c, e);
        s.sync();
    }

    @TestFactory
    List<DynamicTest> everyFailedOrTornWriteOrForceLeavesTheStateBeforeOrAfter() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (FileStore.Policy policy : List.of(FileStore.Policy.firstFit(), FileStore.Policy.linear(), FileStore.Policy.slab(256))) {
            Path template = dir.resolve("template-" + policy.kind());
            try (FileStore s = FileStore.open(template, policy)) {
                setup(s);
            }
            for (Map.Entry<String, Consumer<FileStore>> op : operations().entrySet()) {
                tests.add(DynamicTest.dynamicTest(policy.kind() + ": " + op.getKey(), () -> checkEveryFault(template, op.getValue())));
            }
        }
        return tests;
    }

    private void checkEveryFault(Path template, Consumer<FileStore> operation) throws IOException {
        String before = stateOf(copy(template, "before"), null);
        Path clean = copy(template, "clean");
        try (FileStore s = FileStore.open(clean)) {
            try {
                operation.accept(s);
            } catch (StoreExhaustedException | IllegalArgumentException notForThisPolicy) {
                return; // e.g. growing past a slab slot: nothing to inject into
            }
        }
        String after = stateOf(clean, before);
        int cases = 0;
        for (int n = 1; ; n++) {
            boolean reachedTheEnd = false;
            for (FaultyFileIo.Fault fault : List.of(FaultyFileIo.Fault.FAIL, FaultyFileIo.Fault.TORN)) {
                for (FaultyFileIo.Crash crash : List.of(FaultyFileIo.Crash.PROCESS, FaultyFileIo.Crash.POWER)) {
                    Path file = copy(template, "case");
                    FaultyFileIo io = new FaultyFileIo(file);
                    FileStore s = FileStore.open(io, file.toString(), null);
                    io.armAt(n, fault, crash);
                    try {
                        operation.accept(s);
                    } catch (UncheckedIOException | IllegalStateException expected) {
                        // the injected fault
                    }
                    if (!io.fired()) reachedTheEnd = true;
                    try {
                        s.close();
                    } catch (RuntimeException deadStore) {
                        // closing a crashed store cannot sync
                    }
                    String found = stateOf(file, before);
                    if (!found.equals(before) && !found.equals(after)) {
                        fail("fault " + fault + "/" + crash + " at write-or-force #" + n + " left a mix:\nbefore: " + before
                                + "\nafter:  " + after + "\nfound:  " + found);
                    }
                    cases++;
                }
            }
            if (reachedTheEnd) break;
        }
        assertTrue(cases >= 4, "the operation did at least one write or force");
    }

    /**
     * What a reopen sees: the blocks, the roots, and the contents of the blocks that were live before
     * (new blocks' contents are unsynced bytes, unspecified after a crash).
     */
    private String stateOf(Path file, String beforeState) throws IOException {
        try (FileStore s = FileStore.open(file)) {
            StringBuilder state = new StringBuilder();
            Map<Long, Long> liveBefore = new java.util.HashMap<>(); // handle -> extent
            if (beforeState != null) {
                for (String part : beforeState.split(" ")) {
                    if (part.startsWith("L")) {
                        liveBefore.put(Long.parseLong(part.substring(1, part.indexOf('+'))),
                                Long.parseLong(part.substring(part.indexOf('+') + 1, part.indexOf('='))));
                    }
                }
            }
            for (long[] block : s.checkedBlocks()) {
                long handle = block[0] + 16;
                state.append(block[2] == 1 ? "L" : "F").append(handle).append('+').append(block[1]);
                Long extentBefore = beforeState == null ? Long.valueOf(block[1]) : liveBefore.get(handle);
                if (block[2] == 1 && extentBefore != null) { // the bytes that were there before (grown bytes are unsynced)
                    long bytes = Math.min(block[1], extentBefore);
                    state.append('=').append(Arrays.hashCode(s.resolve(handle, bytes).toArray(JAVA_BYTE)));
                }
                state.append(' ');
            }
            for (int i = 0; i < FileStore.ROOT_SLOTS; i++) state.append("r").append(s.root(i)).append(' ');
            return state.toString();
        }
    }

    private Path copy(Path template, String name) throws IOException {
        Path target = dir.resolve(name + "-" + System.nanoTime());
        Files.copy(template, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    // --- disk full ----------------------------------------------------------------------------

    @Test
    void aFullDiskWhenTheFileMustGrowIsAClearErrorAndChangesNothing() throws IOException {
        Path file = dir.resolve("store");
        try (FileStore s = FileStore.open(file)) {
            setup(s);
        }
        String before = stateOf(copy(file, "snapshot"), null);
        FaultyFileIo io = new FaultyFileIo(file);
        try (FileStore s = FileStore.open(io, file.toString(), null)) {
            long a = s.root(0);
            MemorySegment p = s.resolve(a, 48);
            io.armAt(1, FaultyFileIo.Fault.NO_SPACE, FaultyFileIo.Crash.NONE);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> s.allocate(1 << 20, 8));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertEquals(pattern(16, (int) a)[0], p.get(JAVA_BYTE, 0), "not even the mapping moved");
            long small = s.allocate(16, 8); // the store goes on working
            s.deallocate(small, 16, 8);
            io.armAt(1, FaultyFileIo.Fault.NO_SPACE, FaultyFileIo.Crash.NONE);
            assertThrows(UncheckedIOException.class, () -> s.grow(a, 48, 1 << 20, 8)); // a move that grows the file
            s.checkedBlocks(); // the free list in memory was rolled back with the heap's length
            assertEquals(pattern(16, (int) a)[3], s.resolve(a, 48).get(JAVA_BYTE, 3));
        }
        assertEquals(before, stateOf(file, null));
    }

    @Test
    void aFullDiskWhileCommittingIsAClearErrorAndReopenFindsTheStateBefore() throws IOException {
        Path file = dir.resolve("store");
        try (FileStore s = FileStore.open(file)) {
            setup(s);
        }
        String before = stateOf(copy(file, "snapshot"), null);
        FaultyFileIo io = new FaultyFileIo(file);
        FileStore s = FileStore.open(io, file.toString(), null);
        long a = s.root(0);
        io.armAt(1, FaultyFileIo.Fault.NO_SPACE, FaultyFileIo.Crash.NONE); // the record's write
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> s.allocate(64, 8));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> s.allocate(8, 8));
        assertTrue(refused.getMessage().contains("close it and open the file again"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> s.resolve(a, 8), "resolve refuses too");
        s.close();
        assertEquals(before, stateOf(file, null));
    }

    // --- files that are refused, untouched ----------------------------------------------------

    @Test
    void aDamagedHeaderIsRefusedUntouched() throws IOException {
        Path file = storeWithData();
        flipByte(file, 20); // inside the salt: the header checksum no longer matches
        assertRefusedUntouched(file, FileStoreException.Reason.CORRUPT, "checksum");
    }

    @Test
    void bothCommitRecordsDamagedIsRefusedUntouched() throws IOException {
        Path file = storeWithData();
        flipByte(file, DurableStack.SUPERBLOCK_BYTES + 40);
        flipByte(file, DurableStack.SUPERBLOCK_BYTES + DurableStack.JOURNAL_AREA_BYTES + 40);
        flipByte(file, DurableStack.SUPERBLOCK_BYTES + 2);
        flipByte(file, DurableStack.SUPERBLOCK_BYTES + DurableStack.JOURNAL_AREA_BYTES + 2);
        assertRefusedUntouched(file, FileStoreException.Reason.CORRUPT, "commit record");
    }

    @Test
    void aDamagedBlockHeaderIsRefused() throws IOException {
        Path file = storeWithData();
        flipByte(file, DurableStack.DATA_START + 8); // the first block's tag
        assertRefusedUntouched(file, FileStoreException.Reason.CORRUPT, "block header");
    }

    @Test
    void aForeignFileIsRefusedUntouched() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are somebody else's notes, not a store\n".repeat(10));
        assertRefusedUntouched(file, FileStoreException.Reason.FOREIGN, "not a Stowage");
        Path zeros = dir.resolve("starts-with-zeros");
        byte[] almostEmpty = new byte[1000];
        almostEmpty[500] = 1; // not all zeros, and no header of ours after the first 8 bytes
        Files.write(zeros, almostEmpty);
        assertRefusedUntouched(zeros, FileStoreException.Reason.FOREIGN, "not a Stowage");
        Path tiny = dir.resolve("tiny");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertRefusedUntouched(tiny, FileStoreException.Reason.FOREIGN, "not a Stowage");
    }

    @Test
    void anInPlaceCreationCutShortIsStartedAgain() throws IOException {
        for (int cut = 1; cut <= 4; cut++) {
            Path file = Files.createTempFile(dir, "empty", ".store");
            FaultyFileIo io = new FaultyFileIo(file);
            io.armAt(cut, FaultyFileIo.Fault.TORN, FaultyFileIo.Crash.POWER); // image, force, magic, force
            assertThrows(IOException.class, () -> FileStore.open(io, file.toString(), null));
            io.close();
            try (FileStore s = FileStore.open(file)) { // a file that was never a store: made again
                s.setRoot(0, 5);
            }
            try (FileStore s = FileStore.open(file)) {
                assertEquals(5, s.root(0));
            }
        }
    }

    @Test
    void aNewerMajorVersionIsRefusedUntouched() throws IOException {
        Path file = storeWithData();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {2, 0}), 6);
        }
        assertRefusedUntouched(file, FileStoreException.Reason.NEWER_VERSION, "newer");
    }

    @Test
    void aFileLockedByAnotherProcessIsRefusedUntouched() throws Exception {
        Path file = storeWithData();
        Process holder = ChildJvm.start(LockHolder.class, file.toString());
        try {
            String line = holder.inputReader().readLine();
            assertEquals("locked", line, "the child took the lock");
            assertRefusedUntouched(file, FileStoreException.Reason.LOCKED, "another process");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (FileStore s = FileStore.open(file)) { // and once that process is gone, it opens
            assertTrue(s.heapBytes() > 0);
        }
    }

    /** Holds a FileStore open until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (FileStore s = FileStore.open(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }

    private Path storeWithData() throws IOException {
        Path file = dir.resolve("store-" + System.nanoTime());
        try (FileStore s = FileStore.open(file)) {
            setup(s);
        }
        return file;
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            ch.write(b, offset);
        }
    }

    private static void assertRefusedUntouched(Path file, FileStoreException.Reason reason, String says) throws IOException {
        byte[] before = Files.readAllBytes(file);
        FileStoreException e = assertThrows(FileStoreException.class, () -> FileStore.open(file));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the refused file was changed");
        e = assertThrows(FileStoreException.class, () -> FileStore.open(file)); // and again: still refused
        assertEquals(reason, e.reason());
    }
}
