package fi.suoja.server.work;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Runs every {@link ScheduledJob} of the features from the start on, each through
 * {@link ScheduledJobs#run}: a failed run is logged and the next one finds the work again in the
 * database. Off in tests ({@code suoja.jobs.enabled: false}), which call the jobs directly.
 */
@Context
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    JobScheduler(List<ScheduledJob> jobs, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        for (ScheduledJob job : jobs) {
            scheduler.scheduleWithFixedDelay(job.firstAfter(), job.every(), () -> ScheduledJobs.run(job.name(), job.work()));
            LOG.debug("{}: every {}", job.name(), job.every());
        }
    }
}
