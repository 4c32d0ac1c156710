/**
 * Work the server does by itself, shared by the features. {@link fi.suoja.server.work.DurableWork}
 * is durable work claimed row by row: each kind keeps its own table (door tasks, wipe jobs, which
 * staff see), and through {@link fi.suoja.server.work.WorkTable} lends it the conditional updates
 * that let exactly one instance claim each try for a lease, wait a growing
 * {@link fi.suoja.server.work.RetryPolicy back-off} after a failed one, and fail the row with a
 * reason after its last. {@link fi.suoja.server.work.JobScheduler} runs the
 * {@link fi.suoja.server.work.ScheduledJob}s that features declare, each through
 * {@link fi.suoja.server.work.ScheduledJobs}, so that a failure is logged and the next run finds
 * the work again in the database.
 */
package fi.suoja.server.work;
