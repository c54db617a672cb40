package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads allocate, share and close members of one {@link SharedArenaStore} set: the memory
 * stays valid while any member is open, is freed when the last one closes, and the checked wrapper
 * reports no leak.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedArenaStoreConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 400;

    @Test
    void membersKeepTheMemoryAliveUntilTheLastCloses() throws Exception {
        SharedArenaStore rawRoot = new SharedArenaStore(1024, Long.MAX_VALUE);
        CheckedStore root = CheckedStore.failingOnLeaks(rawRoot);
        long witness = root.allocate(8, 8);
        root.resolve(witness, 8).set(JAVA_LONG, 0, 42L);
        // One member per thread, made before the root closes; each thread closes its own.
        List<SharingStore> members = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            members.add(root.share());
        }
        SharingStore last = root.share(); // the test's own member, closed at the very end
        MemorySegment witnessPointer = last.resolve(witness, 8);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SharingStore member = members.get(t);
                long threadTag = (long) t << 32;
                done.add(pool.submit(() -> {
                    start.await();
                    workOn(member, witness, threadTag);
                    return null;
                }));
            }
            root.close(); // the first member to close: nothing is freed
            start.countDown();
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every thread closed its member; the witness lives on through the last member.
        assertEquals(1, rawRoot.openMembers());
        assertEquals(42L, witnessPointer.get(JAVA_LONG, 0));
        assertEquals(42L, last.resolve(witness, 8).get(JAVA_LONG, 0));
        last.deallocate(witness, 8, 8);
        last.close(); // the last member: the memory is freed, and no leak is reported (no throw)
        assertFalse(rawRoot.isAlive());
        assertEquals(List.of(), root.outstanding());
        IllegalStateException dead = assertThrows(IllegalStateException.class,
                () -> witnessPointer.get(JAVA_LONG, 0));
        assertEquals("Already closed", dead.getMessage());
    }

    /** Allocate, write, read back through a fresh member, free; share and close members on the way. */
    private static void workOn(SharingStore member, long witness, long threadTag) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<long[]> mine = new ArrayList<>(); // {handle, size, value}
        for (int round = 0; round < ROUNDS; round++) {
            long size = 8L * (1 + random.nextInt(32));
            long handle = member.allocate(size, 8);
            long value = threadTag | round;
            MemorySegment p = member.resolve(handle, size);
            for (long i = 0; i < size; i += 8) {
                p.set(JAVA_LONG, i, value);
            }
            mine.add(new long[] {handle, size, value});
            if (round % 10 == 0) {
                // A short-lived member sees everything, and closing it frees nothing.
                try (SharingStore visitor = member.share()) {
                    assertEquals(42L, visitor.resolve(witness, 8).get(JAVA_LONG, 0));
                    assertEquals(value, visitor.resolve(handle, size).get(JAVA_LONG, size - 8));
                }
            }
            if (random.nextInt(3) == 0 && !mine.isEmpty()) {
                long[] victim = mine.remove(random.nextInt(mine.size()));
                check(member, victim);
                member.deallocate(victim[0], victim[1], 8);
            }
        }
        for (long[] allocation : mine) {
            check(member, allocation);
            member.deallocate(allocation[0], allocation[1], 8);
        }
        member.close();
    }

    private static void check(Store store, long[] allocation) {
        MemorySegment p = store.resolve(allocation[0], allocation[1]);
        for (long i = 0; i < allocation[1]; i += 8) {
            assertEquals(allocation[2], p.get(JAVA_LONG, i), "another thread overwrote an allocation");
        }
    }

    @Test
    void rawMembersAllocateConcurrentlyWithoutOverlap() throws Exception {
        SharedArenaStore root = new SharedArenaStore(512, Long.MAX_VALUE);
        List<SharingStore> members = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            members.add(root.share());
        }
        MemorySegment rootPointer = root.resolve(root.allocate(8, 8), 8);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<long[]>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SharingStore member = members.get(t);
                long tag = (long) t << 32;
                results.add(pool.submit(() -> {
                    List<long[]> mine = new ArrayList<>();
                    for (int round = 0; round < 2000; round++) {
                        long handle = member.allocate(16, 8);
                        member.resolve(handle, 16).set(JAVA_LONG, 0, tag | round);
                        member.resolve(handle, 16).set(JAVA_LONG, 8, tag | round);
                        mine.add(new long[] {handle, 16, tag | round});
                    }
                    return mine;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<List<long[]>> f : results) {
                all.addAll(f.get(50, TimeUnit.SECONDS));
            }
            for (long[] allocation : all) {
                check(root, allocation); // every handle works with every member
            }
        } finally {
            pool.shutdownNow();
        }
        for (SharingStore member : members) {
            member.close();
        }
        assertTrue(root.isAlive());
        rootPointer.set(JAVA_LONG, 0, 1); // still alive: root is open
        root.close();
        assertFalse(root.isAlive());
        assertThrows(IllegalStateException.class, () -> rootPointer.get(JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, () -> root.allocate(8, 8));
    }
}
