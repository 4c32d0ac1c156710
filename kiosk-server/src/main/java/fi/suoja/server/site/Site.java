package fi.suoja.server.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A library. Its rules and opening hours are read in its own time zone. {@code retentionDays} is
 * its own retention time for ended bookings, or null for the server's setting.
 */
@MappedEntity("site")
public record Site(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String name,
        String timeZone,
        Instant createdAt,
        @Nullable Integer retentionDays) {

    public static final int NAME_MAX = 120;
    public static final int RETENTION_DAYS_MIN = 1;
    public static final int RETENTION_DAYS_MAX = 365;

    public Site {
        ZoneId.of(timeZone);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
