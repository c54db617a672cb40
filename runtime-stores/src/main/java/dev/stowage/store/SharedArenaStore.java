package dev.stowage.store;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import java.lang.foreign.MemorySegment;

/**
 * A thread-safe arena whose {@link #share()} members keep it alive: the memory is freed when the
 * last member is closed (a reference count).
 *
 * <p>Guarantees: {@code @SharedStore @Stable @Multiple}. Handles from any member are valid with
 * every member. It is an {@link ArenaStore} behind a lock: allocate, deallocate, grow and shrink
 * take the lock; {@link #resolve} does not — it slices the chunk the handle names from the
 * arena's chunk table, an immutable snapshot replaced when a chunk is added, so any thread can
 * resolve concurrently with allocations, and, as with {@link ArenaStore}, no handle value reaches
 * memory outside the set's chunks. Closing a member kills that
 * member only (using it afterwards throws {@link IllegalStateException}); pointers resolved through
 * it stay usable while another member is open, as the memory lives on. After the last close every
 * pointer throws when used.
 *
 * <pre>{@code
 * SharingStore first = new SharedArenaStore();
 * SharingStore second = first.share();
 * long h = first.allocate(8, 8);
 * first.close();                               // second keeps the memory alive
 * second.resolve(h, 8).set(ValueLayout.JAVA_LONG, 0, 1);
 * second.close();                              // freed
 * }</pre>
 */
@SharedStore @Stable @Multiple
public final class SharedArenaStore implements SharingStore {

    /** The state every member of one sharing set shares; its monitor is the lock. */
    private static final class Shared {
        final ArenaStore arena;
        int openMembers = 1;
        int membersEver = 1;

        Shared(ArenaStore arena) {
            this.arena = arena;
        }
    }

    private final Shared shared;
    /** {@code shared.arena}, one field read away: resolve takes no lock and follows no chain. */
    private final ArenaStore arena;
    private final int memberNumber;
    /**
     * Written under the lock; read without it by {@link #resolve}. Not volatile on purpose: it
     * guards against this member's own use after close (a thread that closes a member while
     * another still uses it races either way), and a volatile read would cost resolve its speed.
     */
    private boolean closed;

    /** A new sharing set with one member and default chunk sizes. */
    public SharedArenaStore() {
        this(ArenaStore.DEFAULT_CHUNK_SIZE, Long.MAX_VALUE);
    }

    /** A new sharing set with one member; the arguments are those of {@link ArenaStore}'s constructor. */
    public SharedArenaStore(long firstChunkSize, long maxBytes) {
        this(new Shared(new ArenaStore(firstChunkSize, maxBytes)), 0);
    }

    private SharedArenaStore(Shared shared, int memberNumber) {
        this.shared = shared;
        this.arena = shared.arena;
        this.memberNumber = memberNumber;
    }

    /** A new member of this sharing set; it keeps the memory alive until it is closed. */
    @Override
    public @SharedStore SharingStore share() {
        synchronized (shared) {
            requireOpen();
            shared.openMembers++;
            return new SharedArenaStore(shared, shared.membersEver++);
        }
    }

    /** True if {@code other} is a member of this sharing set (made by {@code share()} from one of its members). */
    @Override
    public boolean sharesWith(SharingStore other) {
        return other instanceof SharedArenaStore member && member.shared == shared;
    }

    @Override
    public long dangling(long byteAlignment) {
        return Checks.dangling(byteAlignment);
    }

    @Override
    public long allocate(long byteSize, long byteAlignment) {
        synchronized (shared) {
            requireOpen();
            long handle = shared.arena.allocate(byteSize, byteAlignment);
            return handle;
        }
    }

    @Override
    public long allocateZeroed(long byteSize, long byteAlignment) {
        synchronized (shared) {
            requireOpen();
            long handle = shared.arena.allocateZeroed(byteSize, byteAlignment);
            return handle;
        }
    }

    /** Frees nothing, unless the handle is the arena's last allocation (see {@link ArenaStore}). */
    @Override
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        synchronized (shared) {
            requireOpen();
            shared.arena.deallocate(handle, byteSize, byteAlignment);
        }
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        if (closed) {
            throw Checks.closed(this);
        }
        // Without the lock: the arena's chunk table is an immutable snapshot behind a final field,
        // and a handle is only ever resolved against the chunk it names (see ArenaStore).
        return arena.resolve(handle, byteSize);
    }

    @Override
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        synchronized (shared) {
            requireOpen();
            long grown = shared.arena.grow(handle, oldByteSize, newByteSize, byteAlignment);
            return grown;
        }
    }

    @Override
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        synchronized (shared) {
            requireOpen();
            long grown = shared.arena.growZeroed(handle, oldByteSize, newByteSize, byteAlignment);
            return grown;
        }
    }

    @Override
    public long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        synchronized (shared) {
            requireOpen();
            return shared.arena.shrink(handle, oldByteSize, newByteSize, byteAlignment);
        }
    }

    /**
     * Closes this member (using it afterwards throws); the last member to close frees the memory.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        synchronized (shared) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.openMembers == 0) {
                shared.arena.close();
            }
        }
    }

    /** How many members of this sharing set are open. */
    public int openMembers() {
        synchronized (shared) {
            return shared.openMembers;
        }
    }

    /** Whether the memory of this sharing set is still alive (some member is open). */
    public boolean isAlive() {
        return openMembers() > 0;
    }

    @Override
    public String toString() {
        synchronized (shared) {
            return "SharedArenaStore[member " + memberNumber + (closed ? " (closed)" : "") + " of "
                    + shared.openMembers + " open, " + shared.arena.reservedBytes() + " bytes reserved]";
        }
    }

    private void requireOpen() {
        if (closed) {
            throw Checks.closed(this);
        }
    }
}
