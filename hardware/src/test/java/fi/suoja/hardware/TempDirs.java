package fi.suoja.hardware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories of a test JVM (a Chromium profile, a server's database, an agent's home),
 * deleted with all they hold when the JVM ends, so that test runs do not fill the machine's
 * {@code /tmp}. Run the tests with {@code -Dsuoja.test.keep-dirs=true} to keep them for a look.
 */
public final class TempDirs {

    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        if (!Boolean.getBoolean("suoja.test.keep-dirs")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TempDirs::delete), "delete-temp-dirs"));
        }
    }

    private TempDirs() {
    }

    /** A new empty directory under {@code java.io.tmpdir}, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        CREATED.add(dir);
        return dir;
    }

    /**
     * Deletes the tree now, as far as it can: what a process still running writes meanwhile may
     * stay. For a test that is done with its folder before the JVM ends.
     */
    public static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (NoSuchFileException | UncheckedIOException gone) {
            // deleted already, or a file vanished while walking: nothing left to do for it
        } catch (IOException e) {
            System.err.println("Could not delete the test directory " + dir + ": " + e);
        }
    }
}
