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

    Deleter FILES = Files::delete;

    void delete(Path path) throws IOException;
}
