package fi.suoja.server.metrics;

import java.util.Map;

/**
 * One reading of the counts kept in the database, taken at once so that the series of one scrape
 * agree with each other.
 *
 * @param bookingsByStatus  bookings that end from 24 hours ago on, by status name
 * @param devicesByState    every device by state name
 * @param agentsByOnline    laptops in use (not retired) by whether their agent is online
 * @param helpCallsByStatus help calls that are still open (OPEN, ACKNOWLEDGED), by status name
 * @param doorTasksRetrying door tasks whose last try failed and that will be tried again
 * @param doorTasksFailed   door tasks that failed for good within the last 24 hours
 */
record Counts(Map<String, Long> bookingsByStatus, Map<String, Long> devicesByState, Map<Boolean, Long> agentsByOnline,
              Map<String, Long> helpCallsByStatus, long doorTasksRetrying, long doorTasksFailed) {

    static final Counts UNREAD = new Counts(Map.of(), Map.of(), Map.of(), Map.of(), -1, -1);
}
