package fi.suoja.server.help;

import fi.suoja.server.work.ScheduledJob;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Stale help calls are closed by a job of the server, which looks at every open call each run. */
@Factory
class HelpScheduler {

    @Singleton
    @Named("help-calls")
    ScheduledJob expireStale(HelpCallService help, @Value("${suoja.jobs.help-interval:1m}") Duration every) {
        return new ScheduledJob("Closing stale help calls", every, Duration.ofSeconds(30), help::expireStale);
    }
}
