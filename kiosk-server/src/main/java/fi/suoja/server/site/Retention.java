package fi.suoja.server.site;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How long a site's ended bookings keep their codes, card hash and name on the door.
 *
 * @param retentionDays the days in force for the site
 * @param serverDefault whether they are the server's setting, the site having chosen none of its own
 */
@Serdeable
public record Retention(int retentionDays, boolean serverDefault) {
}
