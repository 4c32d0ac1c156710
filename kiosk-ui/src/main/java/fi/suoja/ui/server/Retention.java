package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How many days a library's ended bookings keep their codes; {@code serverDefault} when the library chose none. */
@ApiSchema("Retention")
public record Retention(@JsonProperty("retentionDays") int days, boolean serverDefault) {
}
