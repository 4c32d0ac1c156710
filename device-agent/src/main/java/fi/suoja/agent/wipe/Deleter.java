package fi.suoja.agent.wipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes one file, link or empty directory. A seam so that tests running as root, where
 * permissions never stop a delete, can still show what the engine does with a file that will not go.
 */
@FunctionalInterface
public interface Deleter {

    /**
     * The real one. {@code java.io.File.delete} is a bare unlink (rmdir for a directory), where
     * {@code Files.delete} first stats the path: one system call less per file, on a path that
     * runs once per file. Only when it fails is NIO asked again, for an exception with the reason.
     */
    Deleter FILES = path -> {
        if (!path.toFile().delete()) {
            Files.delete(path);
        }
    };

    void delete(Path path) throws IOException;
}
