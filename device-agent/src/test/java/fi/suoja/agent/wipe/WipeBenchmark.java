package fi.suoja.agent.wipe;

import fi.suoja.hardware.mqtt.WipeReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The wipe engine against {@code rm -rf} on two identical trees, in the same process run. Not a
 * test: run it with {@code bench/wipe/run.sh} (see bench/wipe/README.md).
 *
 * <p>Arguments: [files per tree, default 50000] [rounds, default 3] [work directory, default java.io.tmpdir]
 */
public final class WipeBenchmark {

    private WipeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir")),
                "wipe-bench-");
        WipeEngine engine = new WipeEngine(Deleter.FILES, Clock.systemUTC());
        List<Double> ratios = new ArrayList<>();
        long engineTotal = 0;
        long rmTotal = 0;
        System.out.printf(Locale.ROOT, "wipe benchmark: %d files per tree, %d rounds, in %s%n", files, rounds, work);
        try {
            for (int round = 1; round <= rounds; round++) {
                Path forEngine = Files.createDirectories(work.resolve("engine-" + round));
                Path forRm = Files.createDirectories(work.resolve("rm-" + round));
                long bytes = buildTree(forEngine, files, round);
                buildTree(forRm, files, round);
                sync();
                // Alternate who goes first, so neither always meets the warmer cache.
                long engineNanos;
                long rmNanos;
                WipeReport report;
                if (round % 2 == 1) {
                    long t0 = System.nanoTime();
                    report = engine.wipe("bench-" + round, List.of(WipeArea.empty("bench", forEngine)), WipeProgress.NONE);
                    engineNanos = System.nanoTime() - t0;
                    sync();
                    rmNanos = rmRf(forRm);
                } else {
                    rmNanos = rmRf(forRm);
                    sync();
                    long t0 = System.nanoTime();
                    report = engine.wipe("bench-" + round, List.of(WipeArea.empty("bench", forEngine)), WipeProgress.NONE);
                    engineNanos = System.nanoTime() - t0;
                }
                if (!report.verified() || report.filesRemoved() != files || report.bytesRemoved() != bytes) {
                    throw new IllegalStateException("the engine's report is wrong: " + report);
                }
                double ratio = (double) engineNanos / rmNanos;
                ratios.add(ratio);
                engineTotal += engineNanos;
                rmTotal += rmNanos;
                System.out.printf(Locale.ROOT, "round %d: engine %d ms (%d files, %d dirs, %.1f MB, verified), rm -rf %d ms, ratio %.2f%n",
                        round, engineNanos / 1_000_000, report.filesRemoved(), report.directoriesRemoved(),
                        bytes / 1e6, rmNanos / 1_000_000, ratio);
                Files.deleteIfExists(forEngine);
            }
        } finally {
            rmRf(work);
        }
        ratios.sort(null);
        System.out.printf(Locale.ROOT, "engine/rm-rf: total %.2f, median round %.2f (rounds: %d, files per tree: %d)%n",
                (double) engineTotal / rmTotal, ratios.get(ratios.size() / 2), rounds, files);
        System.out.println("repeat with: bench/wipe/run.sh " + files + " " + rounds);
    }

    /** Nested directories (3 levels, ~20 entries each) and mixed sizes: mostly small, some large. */
    private static long buildTree(Path root, int files, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[64 * 1024];
        random.nextBytes(block);
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve("d" + (i / 2000)).resolve("e" + (i / 100 % 20)).resolve("f" + (i / 20 % 5));
            if (i % 20 == 0) {
                Files.createDirectories(dir);
            }
            int pick = random.nextInt(100);
            int size = pick < 60 ? random.nextInt(512) : pick < 95 ? 1024 + random.nextInt(7 * 1024) : 32 * 1024;
            Files.write(dir.resolve("file-" + i + ".dat"), size == block.length ? block : java.util.Arrays.copyOf(block, size));
            bytes += size;
        }
        return bytes;
    }

    private static long rmRf(Path path) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        int exit = new ProcessBuilder("rm", "-rf", path.toString()).inheritIO().start().waitFor();
        long nanos = System.nanoTime() - t0;
        if (exit != 0) {
            throw new IllegalStateException("rm -rf failed with " + exit);
        }
        return nanos;
    }

    /** Flushes what is dirty and lets the disk settle, so one side does not pay for the other's write-back. */
    private static void sync() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        // a benchmark's pause, not a wait for a condition: the disk's own write-back has no signal to wait for
        Thread.sleep(2_000);
    }
}
