package fi.suoja.bench.booking;

import fi.suoja.bench.measure.Latencies;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code clients} bookers, each on a thread of its own and booking its own room, working together
 * through a fixed number of bookings as fast as they can. Each client first makes a few bookings
 * that are not measured (connections opened, statements prepared); then all start at one signal.
 */
final class Load {

    record Result(int clients, int bookings, double seconds, Latencies latencies, CpuUse.Spent cpu) {

        double perSecond() {
            return bookings / seconds;
        }

        /** Two runs of one way at one level as one: their bookings, time, latencies and CPU together. */
        static Result plus(Result sum, Result more) {
            if (sum == null) {
                return more;
            }
            return new Result(sum.clients, sum.bookings + more.bookings, sum.seconds + more.seconds,
                    Latencies.together(sum.latencies, more.latencies), sum.cpu.plus(sum.bookings, more.cpu, more.bookings));
        }
    }

    private static final int WARM_UP_PER_CLIENT = 3;

    private final Slots slots;
    private final long[] rooms;
    private final ProcessHandle server;
    /** Where the next run's first client starts among the rooms, so that runs fill the rooms in turn. */
    private int firstRoom;

    /** {@code server}: the kiosk-server process whose CPU a level reports, or null for none. */
    Load(Slots slots, long[] rooms, ProcessHandle server) {
        this.slots = slots;
        this.rooms = rooms;
        this.server = server;
    }

    Result run(Booker.Opener opener, int clients, int bookings) throws Exception {
        if (clients > rooms.length) {
            throw new IllegalArgumentException(clients + " clients but only " + rooms.length + " rooms");
        }
        double[] millis = new double[bookings];
        AtomicInteger tickets = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        int offset = firstRoom;
        firstRoom = (firstRoom + clients) % rooms.length;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int room = (c + offset) % rooms.length;
                work.add(threads.submit(() -> {
                    try (Booker booker = opener.open()) {
                        for (int i = 0; i < WARM_UP_PER_CLIENT; i++) {
                            booker.book(rooms[room], slots.next(room));
                        }
                        ready.countDown();
                        go.await();
                        for (int t = tickets.getAndIncrement(); t < bookings; t = tickets.getAndIncrement()) {
                            var start = slots.next(room);
                            long before = System.nanoTime();
                            booker.book(rooms[room], start);
                            millis[t] = (System.nanoTime() - before) / 1e6;
                        }
                    } finally {
                        ready.countDown();
                    }
                    return null;
                }));
            }
            ready.await();
            CpuUse before = CpuUse.now(server);
            long started = System.nanoTime();
            go.countDown();
            for (Future<?> each : work) {
                each.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(clients, bookings, seconds, new Latencies(millis), CpuUse.now(server).since(before, bookings));
        } finally {
            go.countDown();
            threads.shutdownNow();
        }
    }

    static int warmUpBookings(int clients) {
        return clients * WARM_UP_PER_CLIENT;
    }
}
