package fi.suoja.bench.scene;

import java.nio.file.Path;

/** A benchmark's handle on one of Suoja's jars that it runs: its log, and closing it stops the process. */
interface JarProcess extends AutoCloseable {

    JavaProcess process();

    default Path log() {
        return process().log();
    }

    @Override
    default void close() {
        process().close();
    }
}
