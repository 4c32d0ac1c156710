package fi.suoja.server;

import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The one-library default: an H2 file. Without WRITE_DELAY=0 it lost the last half second of answered writes. */
@Tag("process")
class CrashBurstOnH2Test extends CrashBurstScenarios {

    @Override
    Map<String, String> database() {
        return ServerProcess.h2File(dir);
    }
}
