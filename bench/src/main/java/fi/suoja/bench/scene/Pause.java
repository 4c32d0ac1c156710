package fi.suoja.bench.scene;

/** The benchmarks' wait between two polls (they measure wall-clock time); an interrupt ends the run. */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
