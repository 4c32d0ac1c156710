package fi.suoja.agent.wipe;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory whose contents belong to the guest and are removed by every wipe; the directory
 * itself stays. {@code name} labels the area in reports, so that no absolute path is needed there.
 *
 * @param template a clean copy to restore after the wipe, or null for "leave it empty"
 */
public record WipeArea(String name, Path path, Path template) {

    public WipeArea {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("a wipe area is an absolute path: " + path);
        }
    }

    public static WipeArea empty(String name, Path path) {
        return new WipeArea(name, path, null);
    }

    public Optional<Path> cleanTemplate() {
        return Optional.ofNullable(template);
    }
}
