package fi.suoja.server;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock of the server's tests: the server reads instants only, so the zone is UTC and stays so. */
public abstract class InstantsClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server reads instants only");
    }
}
