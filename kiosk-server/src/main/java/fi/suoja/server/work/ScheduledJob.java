package fi.suoja.server.work;

import java.time.Duration;

/**
 * A job the server runs by itself, so no cron job has to be set up: first {@code firstAfter} after
 * the start, then {@code every} after the end of the last run. A feature declares its jobs as beans;
 * {@link JobScheduler} runs them all.
 *
 * @param name what the job does, for the log line of a failed run ("Closing stale help calls")
 */
public record ScheduledJob(String name, Duration every, Duration firstAfter, Runnable work) {
}
