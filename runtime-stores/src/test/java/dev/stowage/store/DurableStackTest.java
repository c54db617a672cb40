package dev.stowage.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The durable stack on its own: push/extend/pop/discard/set/get, persistence, atomic in-place writes. */
class DurableStackTest {

    @TempDir
    Path dir;

    @Test
    void everyMutationIsThereAfterAReopen() throws IOException {
        Path file = dir.resolve("stack");
        try (DurableStack stack = DurableStack.open(file)) {
            assertTrue(stack.isEmpty());
            long at = stack.push("hello".getBytes(UTF_8));
            assertEquals(0, at);
            stack.set(at, "j".getBytes(UTF_8));
            assertEquals(5, stack.extend(3));
            stack.push(new byte[200_000]); // larger than a journal record: pre-written, then committed
            stack.discard(200_000);
        }
        try (DurableStack stack = DurableStack.open(file)) {
            assertEquals(8, stack.length());
            assertArrayEquals(new byte[3], stack.pop(3));
            assertArrayEquals("jello".getBytes(UTF_8), stack.pop(5));
            assertEquals(0, stack.length());
        }
        try (DurableStack stack = DurableStack.open(file)) {
            assertEquals(0, stack.length());
        }
    }

    @Test
    void outOfRangeCallsThrowAndChangeNothing() throws IOException {
        try (DurableStack stack = DurableStack.open(dir.resolve("stack"))) {
            stack.push(new byte[10]);
            assertThrows(IllegalArgumentException.class, () -> stack.pop(11));
            assertThrows(IllegalArgumentException.class, () -> stack.discard(-1));
            assertThrows(IllegalArgumentException.class, () -> stack.extend(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> stack.get(5, 6));
            assertThrows(IndexOutOfBoundsException.class, () -> stack.get(-1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> stack.set(Long.MAX_VALUE, new byte[1]));
            assertThrows(IllegalArgumentException.class, () -> stack.extend(DurableStack.MAX_LENGTH));
            assertEquals(10, stack.length());
            stack.extend(200_000);
            assertThrows(IllegalArgumentException.class, () -> stack.set(0, new byte[100_000]), "too large for one atomic step");
            assertEquals(200_010, stack.length());
        }
    }

    @Test
    void aTornOrFailedInPlaceSetIsAllOldOrAllNewAfterReopen() throws IOException {
        Path template = dir.resolve("template");
        try (DurableStack stack = DurableStack.open(template)) {
            stack.push(new byte[4096]);
        }
        byte[] fresh = new byte[4096];
        Arrays.fill(fresh, (byte) 7);
        for (int n = 1; n <= 4; n++) {
            for (FaultyFileIo.Fault fault : List.of(FaultyFileIo.Fault.FAIL, FaultyFileIo.Fault.TORN)) {
                for (FaultyFileIo.Crash crash : List.of(FaultyFileIo.Crash.PROCESS, FaultyFileIo.Crash.POWER)) {
                    Path file = dir.resolve("case-" + n + fault + crash);
                    Files.copy(template, file, StandardCopyOption.REPLACE_EXISTING);
                    FaultyFileIo io = new FaultyFileIo(file);
                    DurableStack stack = DurableStack.open(io, file.toString(), new byte[0]);
                    io.armAt(n, fault, crash);
                    try {
                        stack.set(0, fresh);
                    } catch (IOException expected) {
                        // injected
                    }
                    stack.close();
                    try (DurableStack reopened = DurableStack.open(file)) {
                        byte[] found = reopened.get(0, 4096);
                        if (!Arrays.equals(found, new byte[4096]) && !Arrays.equals(found, fresh)) {
                            fail("set with " + fault + "/" + crash + " at #" + n + " left a mix");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFileStoreFileOpensAsAStackButAStackIsNoFileStore() throws IOException {
        Path stackFile = dir.resolve("stack");
        DurableStack.open(stackFile).close();
        FileStoreException e = assertThrows(FileStoreException.class, () -> FileStore.open(stackFile));
        assertEquals(FileStoreException.Reason.FOREIGN, e.reason());
        Path storeFile = dir.resolve("store");
        FileStore.open(storeFile).close();
        try (DurableStack stack = DurableStack.open(storeFile)) {
            assertEquals(0, stack.length());
        }
    }

    @Test
    void aClosedStackRefusesEveryCallAndSaysSo() throws IOException {
        Path file = dir.resolve("closed");
        DurableStack stack = DurableStack.open(file);
        stack.push(new byte[] {1, 2, 3});
        assertEquals(file.toAbsolutePath().toString(), stack.name());
        assertEquals("DurableStack[" + file.toAbsolutePath() + ", 3 bytes]", stack.toString());
        assertFalse(stack.isClosed());
        stack.close();
        stack.close(); // idempotent
        assertTrue(stack.isClosed());
        assertEquals("DurableStack[" + file.toAbsolutePath() + ", closed]", stack.toString());
        List<Executable> calls = List.of(stack::length, stack::isEmpty, () -> stack.push(new byte[1]),
                () -> stack.extend(1), () -> stack.pop(1), () -> stack.discard(1), () -> stack.set(0, new byte[1]),
                () -> stack.get(0, 1), () -> stack.discard(0), () -> stack.extend(0), () -> stack.get(0, 0));
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("which is closed"), e.getMessage());
        }
    }

    @Test
    void pushAndExtendReturnWhereTheirBytesStartAndGetReadsAnyRange() throws IOException {
        try (DurableStack stack = DurableStack.open(dir.resolve("ranges"))) {
            assertTrue(stack.isEmpty());
            assertEquals(0, stack.push(new byte[] {1, 2, 3}));
            assertFalse(stack.isEmpty());
            assertEquals(3, stack.extend(2));
            assertEquals(5, stack.push(new byte[] {9, 8}));
            assertEquals(7, stack.length());
            assertArrayEquals(new byte[] {1, 2, 3, 0, 0, 9, 8}, stack.get(0, 7), "the whole stack");
            assertArrayEquals(new byte[] {3, 0, 0, 9}, stack.get(2, 4), "a range inside");
            assertArrayEquals(new byte[0], stack.get(7, 0), "an empty range at the end");
            assertArrayEquals(new byte[0], stack.get(3, 0), "an empty range inside");
            assertThrows(IndexOutOfBoundsException.class, () -> stack.get(8, 0), "past the end");
            assertThrows(IndexOutOfBoundsException.class, () -> stack.get(0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> stack.get(7, 1));
            stack.discard(0);
            assertEquals(7, stack.length(), "discarding nothing is allowed and changes nothing");
            assertArrayEquals(new byte[] {3, 0, 0, 9, 8}, stack.pop(5), "popping up to the bottom but one");
            assertArrayEquals(new byte[] {1, 2}, stack.pop(2), "popping everything that is left");
            assertTrue(stack.isEmpty());
        }
    }

    /**
     * Pushes and extends of any size are durable, whether they fit one journal record or are
     * written ahead of it; an extend gives zero bytes even where discarded bytes were before.
     */
    @Test
    void pushesAndExtendsOfEverySizeAreThereAfterAReopen() throws IOException {
        Path file = dir.resolve("sizes");
        int record = DurableStack.MAX_RECORD_BODY;
        int[] sizes = {1, record - 17, record - 16, record - 15, record - 8, record, record + 8, 200_000};
        byte[][] pushed = new byte[sizes.length][];
        java.util.Random random = new java.util.Random(15);
        try (DurableStack stack = DurableStack.open(file)) {
            for (int i = 0; i < sizes.length; i++) {
                pushed[i] = new byte[sizes[i]];
                random.nextBytes(pushed[i]);
                pushed[i][0] = 1; // never all zeros
                pushed[i][sizes[i] - 1] = 1;
            }
            for (byte[] bytes : pushed) {
                long before = stack.length();
                assertEquals(before, stack.push(bytes), "push returns where its bytes start");
            }
        }
        long total = Arrays.stream(sizes).asLongStream().sum();
        try (DurableStack stack = DurableStack.open(file)) {
            assertEquals(total, stack.length());
            long at = 0;
            for (byte[] bytes : pushed) {
                assertArrayEquals(bytes, stack.get(at, bytes.length), "the " + bytes.length + " bytes pushed at " + at);
                at += bytes.length;
            }
            stack.discard(total); // the bytes stay in the file, beyond the stack's length
            for (int size : sizes) {
                long before = stack.length();
                assertEquals(before, stack.extend(size), "extend returns where its zeros start");
            }
        }
        try (DurableStack stack = DurableStack.open(file)) {
            assertEquals(total, stack.length());
            byte[] all = stack.get(0, total);
            for (int i = 0; i < all.length; i++) {
                if (all[i] != 0) fail("byte " + i + " of the extended stack is " + all[i] + ", not zero");
            }
        }
    }

    @Test
    void anInPlaceSetIsLimitedToOneJournalRecord() throws IOException {
        Path file = dir.resolve("set");
        int most = DurableStack.MAX_RECORD_BODY - 16;
        byte[] fits = new byte[most];
        Arrays.fill(fits, (byte) 7);
        try (DurableStack stack = DurableStack.open(file)) {
            stack.extend(most + 100);
            stack.set(100, fits);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.set(0, new byte[most + 1]));
            assertTrue(e.getMessage().contains("(at most " + most + ")"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> stack.set(101, fits), "past the end");
        }
        try (DurableStack stack = DurableStack.open(file)) {
            assertArrayEquals(fits, stack.get(100, most));
            assertArrayEquals(new byte[100], stack.get(0, 100), "the bytes before it are untouched");
        }
    }
}
