package fi.suoja.server.throttle;

import java.time.Instant;

/** A scope ran out of its free attempts in a window: someone may be guessing. Published after the commit. */
public record GuessingSlowed(Scope scope, int wrongAttempts, Instant at) {
}
