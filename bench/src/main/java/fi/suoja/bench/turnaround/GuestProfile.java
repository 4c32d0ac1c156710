package fi.suoja.bench.turnaround;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * What a guest leaves on a loan laptop after a few hours of browsing: a Chromium profile under
 * {@code ~/.config/chromium}, written from a seed so that two calls with the same seed make
 * byte-identical trees (the guest's and the {@code rm -rf} baseline's).
 *
 * <p>Its shape follows a real profile of a few days' use: most files are the HTTP cache's entries
 * ({@code Default/Cache/Cache_Data/<16 hex>_0}, Chromium's simple cache: mostly a few KiB, some
 * tens of KiB, a few images and scripts up to 1 MiB), then compiled JavaScript and WebAssembly
 * ({@code Code Cache/js}, {@code Code Cache/wasm}), service workers' caches
 * ({@code Service Worker/CacheStorage/<origin hash>/<uuid>/}), each site's IndexedDB as LevelDB
 * (a log, a manifest and tables of up to 2 MiB) with many small blobs beside it, Local and Session
 * Storage (LevelDB), GPU shader caches, and the SQLite files of history, favicons, cookies and
 * form data (the largest single files, several MiB). With the default 20,000 files it comes to
 * about 300 MB. Contents are random bytes (ext4 does not compress, so only the sizes matter).
 */
final class GuestProfile {

    /** How many files, directories and bytes were written. */
    record Size(long files, long directories, long bytes) {

        Size plus(Size other) {
            return new Size(files + other.files, directories + other.directories, bytes + other.bytes);
        }
    }

    private static final int NOISE = 4 << 20;

    private final SplittableRandom random;
    private final byte[] noise = new byte[NOISE];
    private long files;
    private long directories;
    private long bytes;

    private GuestProfile(long seed) {
        this.random = new SplittableRandom(seed);
        new java.util.Random(seed).nextBytes(noise);
    }

    /** Writes the profile of about {@code fileCount} files under {@code home}; the same seed gives the same tree. */
    static Size write(Path home, long seed, int fileCount) {
        GuestProfile profile = new GuestProfile(seed);
        try {
            profile.chromium(home, fileCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Size(profile.files, profile.directories, profile.bytes);
    }

    private void chromium(Path home, int total) throws IOException {
        Path chromium = dir(home.resolve(".config").resolve("chromium"));
        file(chromium.resolve("Local State"), 24 << 10);
        file(chromium.resolve("Last Version"), 13);
        file(chromium.resolve("First Run"), 0);
        Path profile = dir(chromium.resolve("Default"));
        int fixed = sqliteAndSettings(profile);
        int storage = leveldb(dir(dir(profile.resolve("Local Storage")).resolve("leveldb")), 3, 256 << 10)
                + leveldb(dir(profile.resolve("Session Storage")), 2, 128 << 10);
        int shaders = shaderCache(dir(profile.resolve("GPUCache")), 40) + shaderCache(dir(chromium.resolve("GrShaderCache")), 30)
                + shaderCache(dir(profile.resolve("DawnGraphiteCache")), 20);
        int rest = Math.max(0, total - fixed - storage - shaders - 3);
        int code = rest * 20 / 100;
        int wasm = rest / 200;
        int serviceWorker = rest * 12 / 100;
        int indexedDb = rest * 8 / 100;
        int cache = rest - code - wasm - serviceWorker - indexedDb;
        httpCache(dir(dir(profile.resolve("Cache")).resolve("Cache_Data")), cache);
        Path codeCache = dir(profile.resolve("Code Cache"));
        hashedEntries(dir(codeCache.resolve("js")), code, 256, 64 << 10);
        hashedEntries(dir(codeCache.resolve("wasm")), wasm, 16 << 10, 512 << 10);
        serviceWorkers(dir(dir(profile.resolve("Service Worker")).resolve("CacheStorage")), serviceWorker);
        indexedDb(dir(profile.resolve("IndexedDB")), indexedDb);
    }

    /** The SQLite databases and JSON settings of a profile; answers how many files. */
    private int sqliteAndSettings(Path profile) throws IOException {
        Object[][] named = {
                {"History", 8 << 20}, {"History-journal", 0}, {"Favicons", 3 << 20}, {"Favicons-journal", 0},
                {"Cookies", 512 << 10}, {"Cookies-journal", 0}, {"Web Data", 320 << 10}, {"Web Data-journal", 0},
                {"Login Data", 40 << 10}, {"Login Data For Account", 40 << 10}, {"Top Sites", 20 << 10},
                {"Shortcuts", 96 << 10}, {"Network Action Predictor", 1 << 20}, {"Visited Links", 128 << 10},
                {"Preferences", 40 << 10}, {"Secure Preferences", 12 << 10}, {"Bookmarks", 3 << 10},
                {"Network Persistent State", 6 << 10}, {"TransportSecurity", 9 << 10}, {"Trust Tokens", 36 << 10},
                {"Affiliation Database", 64 << 10}, {"DIPS", 48 << 10}, {"heavy_ad_intervention_opt_out.db", 16 << 10},
                {"LOCK", 0}, {"LOG", 1 << 10}, {"README", 200},
        };
        for (Object[] entry : named) {
            file(profile.resolve((String) entry[0]), (Integer) entry[1]);
        }
        Path sessions = dir(profile.resolve("Sessions"));
        for (int i = 0; i < 4; i++) {
            file(sessions.resolve((i % 2 == 0 ? "Session_" : "Tabs_") + (13370000000000000L + random.nextLong(1L << 40))),
                    logUniform(8 << 10, 512 << 10));
        }
        return named.length + 4;
    }

    /** A LevelDB directory: CURRENT, LOCK, LOG, a manifest, a log and a few tables; answers how many files. */
    private int leveldb(Path dir, int tables, int largestTable) throws IOException {
        file(dir.resolve("CURRENT"), 16);
        file(dir.resolve("LOCK"), 0);
        file(dir.resolve("LOG"), logUniform(200, 4 << 10));
        file(dir.resolve("LOG.old"), logUniform(200, 4 << 10));
        file(dir.resolve("MANIFEST-000001"), logUniform(100, 2 << 10));
        file(dir.resolve("000003.log"), logUniform(4 << 10, 1 << 20));
        for (int t = 0; t < tables; t++) {
            file(dir.resolve(String.format("%06d.ldb", 5 + 2 * t)), logUniform(4 << 10, largestTable));
        }
        return 6 + tables;
    }

    /** A disk cache of the GPU process: index, four block files and a few separate entries. */
    private int shaderCache(Path dir, int entries) throws IOException {
        file(dir.resolve("index"), 256 << 10);
        for (int i = 0; i < 4; i++) {
            file(dir.resolve("data_" + i), i < 3 ? (8 << 10) << i : 1 << 20);
        }
        for (int i = 0; i < entries; i++) {
            file(dir.resolve(String.format("f_%06x", i + 1)), logUniform(16 << 10, 256 << 10));
        }
        return 5 + entries;
    }

    /** The simple cache: an index and one file per entry, mostly small, a few images and scripts up to 1 MiB. */
    private void httpCache(Path dir, int entries) throws IOException {
        file(dir(dir.resolve("index-dir")).resolve("the-real-index"), 64 << 10);
        file(dir.resolve("index"), 24);
        for (int i = 2; i < entries; i++) {
            double kind = random.nextDouble();
            int size = kind < 0.72 ? logUniform(256, 8 << 10) : kind < 0.97 ? logUniform(8 << 10, 64 << 10) : logUniform(64 << 10, 1 << 20);
            file(dir.resolve(String.format("%016x_0", random.nextLong())), size);
        }
    }

    private void hashedEntries(Path dir, int entries, int smallest, int largest) throws IOException {
        if (entries > 0) {
            file(dir(dir.resolve("index-dir")).resolve("the-real-index"), 16 << 10);
        }
        for (int i = 1; i < entries; i++) {
            file(dir.resolve(String.format("%016x_0", random.nextLong())), logUniform(smallest, largest));
        }
    }

    /** Cache Storage of 20 sites' service workers: each a directory of caches, each a simple cache. */
    private void serviceWorkers(Path dir, int entries) throws IOException {
        int sites = 20;
        for (int s = 0; s < sites; s++) {
            Path site = dir(dir.resolve(hex(40)));
            file(site.resolve("index.txt"), logUniform(100, 2 << 10));
            Path cache = dir(site.resolve(uuid()));
            int here = entries / sites - 1;
            for (int i = 0; i < here; i++) {
                file(cache.resolve(String.format("%016x_0", random.nextLong())), logUniform(512, 32 << 10));
            }
        }
    }

    /** IndexedDB of 30 sites: LevelDB each, and the sites' blobs (mail attachments, offline documents) beside it. */
    private void indexedDb(Path dir, int entries) throws IOException {
        int sites = 30;
        int used = 0;
        for (int s = 0; s < sites; s++) {
            String origin = "https_site" + s + ".example_0";
            used += leveldb(dir(dir.resolve(origin + ".indexeddb.leveldb")), random.nextInt(3), 2 << 20);
        }
        int blobs = Math.max(0, entries - used);
        for (int b = 0; b < blobs; b++) {
            String origin = "https_site" + (b % sites) + ".example_0";
            Path blobDir = dir(dir(dir(dir.resolve(origin + ".indexeddb.blob")).resolve("1")).resolve(String.format("%02x", (b / sites) >> 8)));
            file(blobDir.resolve(Integer.toString(b / sites)), logUniform(100, 16 << 10));
        }
    }

    private int logUniform(int smallest, int largest) {
        return (int) Math.round(Math.exp(Math.log(smallest) + random.nextDouble() * (Math.log(largest) - Math.log(smallest))));
    }

    private String hex(int digits) {
        StringBuilder out = new StringBuilder();
        while (out.length() < digits) {
            out.append(String.format("%016x", random.nextLong()));
        }
        return out.substring(0, digits);
    }

    private String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    private Path dir(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Files.createDirectories(path);
            directories++;
        }
        return path;
    }

    /** A file of {@code size} random bytes, a slice of the seed's noise at a seeded offset. */
    private void file(Path path, int size) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            int left = size;
            while (left > 0) {
                int chunk = Math.min(left, NOISE / 2);
                out.write(noise, random.nextInt(NOISE - chunk + 1), chunk);
                left -= chunk;
            }
        }
        files++;
        bytes += size;
    }
}
