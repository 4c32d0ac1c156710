package fi.suoja.bench.measure;

import java.util.Arrays;

/** Measured durations in milliseconds, and their percentiles (nearest rank). */
public final class Latencies {

    private final double[] sorted;

    public Latencies(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("nothing was measured");
        }
        this.sorted = millis.clone();
        Arrays.sort(sorted);
    }

    /** The values of both, as one set of measurements. */
    public static Latencies together(Latencies one, Latencies other) {
        double[] all = Arrays.copyOf(one.sorted, one.sorted.length + other.sorted.length);
        System.arraycopy(other.sorted, 0, all, one.sorted.length, other.sorted.length);
        return new Latencies(all);
    }

    public int count() {
        return sorted.length;
    }

    /** The smallest value that at least {@code percent} % of the values do not exceed. */
    public double percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double p50() {
        return percentile(50);
    }
}
