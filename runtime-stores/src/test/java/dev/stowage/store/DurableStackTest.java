package dev.stowage.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
