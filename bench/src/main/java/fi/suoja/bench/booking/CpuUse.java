package fi.suoja.bench.booking;

import fi.suoja.bench.measure.ClockTicks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a level's CPU went, so the table can say that the load generator is not what limits it: this
 * benchmark's own process (the clients), the kiosk-server process, and the rest of the machine's busy
 * time (PostgreSQL's backends, the kernel), from {@code /proc/stat}. Taken before and after a level.
 */
record CpuUse(long benchNanos, long serverNanos, long machineBusyTicks, long machineTicks) {

    static CpuUse now(ProcessHandle server) {
        long[] machine = readMachine();
        return new CpuUse(cpu(ProcessHandle.current()), server == null ? 0 : cpu(server), machine[0], machine[1]);
    }

    /** CPU milliseconds a booking since {@code before}: benchmark, server, the rest; and how busy the cores were. */
    Spent since(CpuUse before, int bookings) {
        double bench = (benchNanos - before.benchNanos) / 1e6;
        double server = (serverNanos - before.serverNanos) / 1e6;
        double busy = (machineBusyTicks - before.machineBusyTicks) * 1000 / ClockTicks.PER_SECOND;
        double rest = Math.max(0, busy - bench - server);
        long ticks = machineTicks - before.machineTicks;
        return new Spent(bench / bookings, server / bookings, rest / bookings,
                ticks == 0 ? 0 : (machineBusyTicks - before.machineBusyTicks) / (double) ticks);
    }

    record Spent(double benchMs, double serverMs, double restMs, double busy) {

        /** The CPU a booking of two runs together, each weighed by its bookings. */
        Spent plus(int bookings, Spent more, int moreBookings) {
            double all = bookings + moreBookings;
            return new Spent((benchMs * bookings + more.benchMs * moreBookings) / all,
                    (serverMs * bookings + more.serverMs * moreBookings) / all,
                    (restMs * bookings + more.restMs * moreBookings) / all,
                    (busy * bookings + more.busy * moreBookings) / all);
        }
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long[] readMachine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle and iowait
            return new long[] {total - idle, total};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
