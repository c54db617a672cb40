package dev.stowage.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corpus.lwjgl.StackBufferReadAfterFrame;
import corpus.lwjgl.StackBufferReadInsideFrame;
import corpus.netty.NioViewReadAfterGrowingWrite;
import corpus.netty.NioViewTakenAfterGrowingWrite;
import org.junit.jupiter.api.Test;

/**
 * Runtime agreement for the library scenarios whose misuse the library does not detect: a stale
 * view does not throw, it shows memory that is no longer the buffer's. These tests run the buggy
 * scenario and its safe twin and compare what each read with what the buffer holds.
 */
class LibraryStaleViewTest {

    @Test
    void aNettyNioViewTakenBeforeAGrowingWriteShowsTheMemoryBeforeTheGrowth() {
        // The buffer holds 2 at index 0 when the view is read; the stale view still shows the 1 written before it grew.
        assertEquals(1, NioViewReadAfterGrowingWrite.run());
        assertEquals(2, NioViewTakenAfterGrowingWrite.run());
    }

    @Test
    void anLwjglStackBufferReadAfterItsFrameShowsWhatTheNextFrameWrote() {
        // 42 was written through the buffer; after its frame was popped the next frame reused the memory and wrote 7.
        assertEquals(7, StackBufferReadAfterFrame.run());
        assertEquals(42, StackBufferReadInsideFrame.run());
    }
}
