package fi.suoja.server.booking;

import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.db.Tx;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import fi.suoja.server.throttle.Throttles;
import fi.suoja.server.time.Grain;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The booking work nobody asks for: releasing no-shows, completing bookings at their end, and
 * anonymising old ones. Each looks for everything overdue, not just what fell due since the last
 * run, so it catches up after downtime. Each booking is claimed by a conditional update, so with
 * several instances running the same job every booking is changed exactly once.
 */
@Singleton
public class BookingJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BookingJobs.class);

    private final BookingService service;
    private final BookingRepository bookings;
    private final SlotClaimRepository claims;
    private final Throttles throttles;
    private final SiteService sites;
    private final Clock clock;
    private final AuditLog audit;
    private final Tx tx;

    BookingJobs(BookingService service, BookingRepository bookings, SlotClaimRepository claims,
                Throttles throttles, SiteService sites, Clock clock,
                AuditLog audit, Tx tx) {
        this.tx = tx;
        this.service = service;
        this.bookings = bookings;
        this.claims = claims;
        this.throttles = throttles;
        this.sites = sites;
        this.clock = clock;
        this.audit = audit;
    }

    /** CONFIRMED bookings whose check-in grace time is over become NO_SHOW and free their room. */
    public int releaseNoShows() {
        Instant now = clock.instant();
        Map<Long, BookingService.Place> places = new HashMap<>();
        int released = 0;
        for (Booking b : tx.run(() -> bookings.findByStatusAndStartsAtLessThanEquals(BookingStatus.CONFIRMED, now))) {
            boolean done = tx.run(() -> {
                BookingService.Place place = places.computeIfAbsent(b.roomId(), service::place);
                if (now.isBefore(place.policy(now).graceEnd(b.range()))) {
                    return false;
                }
                if (bookings.close(b.id(), BookingStatus.CONFIRMED.name(), BookingStatus.NO_SHOW.name(), b.endsAt(), now) != 1) {
                    return false;
                }
                claims.releaseAll(b.id());
                return true;
            });
            if (done) {
                released++;
                service.publishEnded(b.id(), BookingStatus.NO_SHOW, now);
                LOG.info("Booking {} released: nobody checked in", b.id());
            }
        }
        return released;
    }

    /** Checked-in bookings whose time is over become COMPLETED; the buffer after them stays claimed. */
    public int completeEnded() {
        Instant now = clock.instant();
        int completed = 0;
        for (Booking b : tx.run(() -> bookings.findByStatusAndEndsAtLessThanEquals(BookingStatus.CHECKED_IN, now))) {
            int rows = tx.run(() ->
                    bookings.close(b.id(), BookingStatus.CHECKED_IN.name(), BookingStatus.COMPLETED.name(), b.endsAt(), b.endsAt()));
            if (rows == 1) {
                service.publishEnded(b.id(), BookingStatus.COMPLETED, b.endsAt());
            }
            completed += rows;
        }
        return completed;
    }

    /**
     * Erases codes, card hashes and names of bookings that ended more than their site's retention
     * time ago (the site's own, else the server's setting), and the booking references of the audit
     * entries about them, in the same transaction.
     */
    public int anonymiseOld() {
        Instant now = clock.instant();
        int anonymised = 0;
        for (Site site : sites.all()) {
            Instant cutoff = now.minus(Duration.ofDays(sites.retention(site.id()).retentionDays()));
            int ofSite = 0;
            for (Booking b : tx.run(() -> bookings.findToAnonymise(site.id(), cutoff))) {
                ofSite += tx.run(() -> {
                    int rows = bookings.anonymise(b.id());
                    audit.forgetBooking(b.id());
                    return rows;
                });
            }
            if (ofSite > 0) {
                LOG.info("Anonymised {} bookings of site {} that ended before {}", ofSite, site.id(), cutoff);
            }
            anonymised += ofSite;
        }
        // Grains of the past only matter while a booking might still run over them.
        tx.run(() -> claims.deleteBefore(Grain.index(Grain.floor(now.minus(Duration.ofDays(2))))));
        throttles.deleteOlderThan(now.minus(Duration.ofDays(1)));
        return anonymised;
    }
}
