package fi.suoja.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The unit of the CPU times in {@code /proc} ({@code getconf CLK_TCK}; 100 where it cannot be asked). */
public final class ClockTicks {

    public static final double PER_SECOND = perSecond();

    private ClockTicks() {
    }

    private static double perSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            getconf.waitFor(10, TimeUnit.SECONDS);
            return Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
