package fi.suoja.bench.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JDK to run on: its home (for java, jcmd and jstat of the same build) and its feature version as a label. */
record Jdk(String label, Path home) {

    static Jdk of(Path home) {
        try {
            String release = Files.readString(home.resolve("release"));
            String version = release.replaceAll("(?s).*JAVA_VERSION=\"([0-9]+).*", "$1");
            return new Jdk(version, home);
        } catch (IOException e) {
            throw new IllegalArgumentException(home + " is not a JDK (no release file)", e);
        }
    }

    String java() {
        return home.resolve("bin/java").toString();
    }
}
