package demo.ticks;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

/** Frames incoming messages into one native buffer that grows when a message does not fit. */
public final class MessageBuffer implements AutoCloseable {

    private final Store store = new ArenaStore();
    private long buffer;
    private long capacity = 64;
    private long used;

    public MessageBuffer() {
        buffer = store.allocate(capacity, 8);
    }

    /** Appends a length-prefixed frame and returns its offset in the buffer. */
    @Invalidates(effect = Effect.FREE)
    public long append(byte[] payload) {
        long frame = Integer.BYTES + payload.length;
        MemorySegment out = store.resolve(buffer, capacity);
        if (used + frame > capacity) {
            long bigger = Math.max(capacity * 2, used + frame);
            buffer = store.grow(buffer, capacity, bigger, 8);
            capacity = bigger;
        }
        // BUG: 'out' was resolved before the grow, which may have copied the buffer elsewhere.
        // :: error: [pointer.stale]
        out.set(JAVA_INT_UNALIGNED, used, payload.length);
        long at = used;
        used += frame;
        return at;
    }

    /** The same, done right: resolve after anything that may move the buffer. */
    @Invalidates(effect = Effect.FREE)
    public long appendCorrectly(byte[] payload) {
        long frame = Integer.BYTES + payload.length;
        if (used + frame > capacity) {
            long bigger = Math.max(capacity * 2, used + frame);
            buffer = store.grow(buffer, capacity, bigger, 8);
            capacity = bigger;
        }
        MemorySegment out = store.resolve(buffer, capacity);
        out.set(JAVA_INT_UNALIGNED, used, payload.length);
        MemorySegment.copy(MemorySegment.ofArray(payload), 0, out, used + Integer.BYTES, payload.length);
        long at = used;
        used += frame;
        return at;
    }

    /** Reads one byte of the buffer. */
    public byte byteAt(long offset) {
        return store.resolve(buffer, capacity).get(JAVA_BYTE, offset);
    }

    /** Sums a payload's bytes in scratch memory — and closes the scratch store one step too early. */
    public static long checksum(byte[] payload) {
        ArenaStore scratch = new ArenaStore();
        long copy = scratch.allocate(payload.length, 8);
        MemorySegment bytes = scratch.resolve(copy, payload.length);
        MemorySegment.copy(MemorySegment.ofArray(payload), 0, bytes, 0, payload.length);
        long sum = 0;
        for (long i = 0; i < payload.length; i++) {
            sum += bytes.get(JAVA_BYTE, i);
        }
        scratch.close();
        // BUG: the scratch store is closed; nothing may be allocated from it any more.
        // :: error: [store.closed]
        long trailer = scratch.allocate(8, 8);
        return sum + trailer;
    }

    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        store.close();
    }
}
