package dev.stowage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash injection: a child JVM ({@link FileStoreCrashChild}) runs random operations on a FileStore
 * and acknowledges each durable step on stdout; this test kills it with SIGKILL at a random moment,
 * reopens the file and checks that every acknowledged allocation is there with its synced bytes,
 * that the blocks tile the heap without overlap and the free list agrees with the headers, and that
 * the operation in flight is either wholly there or wholly absent. The next child continues on the
 * same file. {@code -Dfilestore.crash.kills=N} (default 21) sets the number of kills;
 * {@code scripts/soak-filestore.sh} runs 500; {@code -Dfilestore.crash.seed} replays a run.
 */
class FileStoreCrashTest {

    @TempDir
    Path dir;

    private static final class Entry {
        long size;
        Long seed; // the pattern's seed once a W line said it is durable
        long patternBytes;

        Entry(long size, Long seed, long patternBytes) {
            this.size = size;
            this.seed = seed;
            this.patternBytes = patternBytes;
        }
    }

    @Test
    void aKilledProcessLosesNoAcknowledgedStepAndLeavesNoHalfStep() throws Exception {
        int kills = Integer.getInteger("filestore.crash.kills", 21);
        long seed = Long.getLong("filestore.crash.seed", System.nanoTime());
        System.out.println("FileStoreCrashTest: " + kills + " kills, -Dfilestore.crash.seed=" + seed);
        Random random = new Random(seed);
        String[] policies = {"FIRST_FIT", "LINEAR", "SLAB"};
        List<Map<Long, Entry>> models = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        int acknowledged = 0;
        for (int kill = 0; kill < kills; kill++) {
            int p = kill % policies.length;
            Path file = dir.resolve("crash-" + policies[p]);
            // stdout goes to a file: everything the child printed before it died is there (a pipe may lose the tail)
            Path out = dir.resolve("child-" + kill + ".out");
            Process child = ChildJvm.builder(FileStoreCrashChild.class, file.toString(), policies[p],
                    Long.toString(random.nextLong())).redirectOutput(out.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(out).startsWith("ready\n") && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(Files.readString(out).startsWith("ready\n"),
                    "the child did not start (exit " + (child.isAlive() ? "-" : child.exitValue()) + "): " + Files.readString(out));
            Thread.sleep(20 + random.nextInt(600));
            assertTrue(child.isAlive(), "the child died by itself: " + Files.readString(out));
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor();
            String text = Files.readString(out);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.removeLast(); // the text after the last newline: empty, or a line the kill cut short (no acknowledgement)
            String inFlight = null;
            Map<Long, Entry> model = models.get(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "?" -> inFlight = line;
                    case "A" -> model.put(Long.parseLong(f[1]), new Entry(Long.parseLong(f[2]), null, 0));
                    case "W" -> {
                        Entry e = model.get(Long.parseLong(f[1]));
                        e.seed = Long.parseLong(f[3]);
                        e.patternBytes = Long.parseLong(f[2]);
                    }
                    case "F" -> model.remove(Long.parseLong(f[1]));
                    case "G" -> {
                        Entry e = model.remove(Long.parseLong(f[1]));
                        model.put(Long.parseLong(f[2]), new Entry(Long.parseLong(f[4]), e.seed,
                                Math.min(e.patternBytes, Long.parseLong(f[3]))));
                    }
                    case "B" -> {
                        for (int i = 1; i < f.length; i++) model.put(Long.parseLong(f[i]), new Entry(8, null, 0));
                    }
                    case "X" -> {
                        for (int i = 1; i < f.length; i++) model.remove(Long.parseLong(f[i]));
                    }
                    default -> fail("unexpected line from the child: " + line);
                }
                if (!f[0].equals("?")) {
                    inFlight = null;
                    acknowledged++;
                }
            }
            verify(file, model, inFlight, "kill " + (kill + 1) + " (" + policies[p] + ", seed " + seed + ", the child's last lines "
                    + lines.subList(Math.max(1, lines.size() - 4), lines.size()) + ")");
        }
        System.out.println("FileStoreCrashTest: " + kills + " kills, " + acknowledged + " acknowledged steps verified");
        assertTrue(acknowledged > kills, "the children made progress between kills");
    }

    /** Checks the reopened file against the model, then brings the model up to date with the in-flight step's outcome. */
    private static void verify(Path file, Map<Long, Entry> model, String inFlight, String where) throws IOException {
        try (FileStore store = FileStore.open(file)) {
            Map<Long, Long> live = new HashMap<>();
            for (long[] block : store.checkedBlocks()) { // tiling, no overlap, free list == headers
                if (block[2] == 1) live.put(block[0] + 16, block[1]);
            }
            String[] f = inFlight == null ? new String[] {""} : inFlight.split(" ");
            String kind = f.length > 1 ? f[1] : "";
            Set<Long> touched = new HashSet<>();
            if (kind.equals("free") || kind.equals("grow") || kind.equals("bulk-free")) {
                for (int i = 2; i < f.length; i++) touched.add(Long.parseLong(f[i]));
            }
            Set<Long> extras = new HashSet<>(live.keySet());
            extras.removeAll(model.keySet());
            for (Map.Entry<Long, Entry> e : model.entrySet()) {
                long h = e.getKey();
                Long extent = live.get(h);
                if (extent == null) {
                    if (!touched.contains(h)) fail(where + ": acknowledged allocation " + h + " is gone");
                    continue;
                }
                assertTrue(extent >= e.getValue().size, where + ": allocation " + h + " shrank to " + extent);
                checkPattern(store, h, e.getValue(), where);
            }
            long missingTouched = touched.stream().filter(h -> !live.containsKey(h)).count();
            switch (kind) {
                case "" -> assertEquals(Set.of(), extras, where + ": blocks nobody acknowledged");
                case "allocate" -> assertTrue(extras.size() <= 1, where + ": " + extras.size() + " new blocks for one allocate");
                case "bulk-allocate" -> assertTrue(extras.isEmpty() || extras.size() == Integer.parseInt(f[2]),
                        where + ": a bulk allocation of " + f[2] + " is half there: " + extras.size());
                case "free" -> assertEquals(Set.of(), extras, where);
                case "bulk-free" -> assertTrue(missingTouched == 0 || missingTouched == touched.size(),
                        where + ": a bulk free of " + touched.size() + " is half done: " + missingTouched + " freed");
                case "grow" -> {
                    long old = touched.iterator().next();
                    if (live.containsKey(old)) {
                        assertEquals(Set.of(), extras, where + ": grew in place yet made blocks");
                    } else {
                        assertEquals(1, extras.size(), where + ": a moved grow must leave exactly the new block");
                        Entry before = model.get(old);
                        long moved = extras.iterator().next();
                        checkPattern(store, moved, before, where + " (moved by the grow in flight)");
                    }
                }
                default -> fail(where + ": unknown step in flight: " + inFlight);
            }
            // the file is the truth from here on: what the step in flight did, it did
            if (kind.equals("grow") && !live.containsKey(Long.parseLong(f[2]))) {
                Entry e = model.remove(Long.parseLong(f[2]));
                model.put(extras.iterator().next(), e);
                extras.clear();
            }
            model.keySet().retainAll(live.keySet());
            for (long h : extras) model.put(h, new Entry(8, null, 0));
        }
    }

    private static void checkPattern(FileStore store, long handle, Entry e, String where) {
        if (e.seed == null) return;
        byte[] bytes = store.resolve(handle, e.patternBytes).toArray(ValueLayout.JAVA_BYTE);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != FileStoreCrashChild.patternByte(e.seed, i)) {
                fail(where + ": allocation " + handle + " lost its synced bytes at offset " + i);
            }
        }
    }
}
