package fi.suoja.bench.booking;

import java.time.Instant;

/** One client that makes bookings one after another: through the API, or straight into the tables. */
interface Booker extends AutoCloseable {

    void book(long roomId, Instant start) throws Exception;

    @Override
    void close() throws Exception;

    @FunctionalInterface
    interface Opener {
        Booker open() throws Exception;
    }
}
