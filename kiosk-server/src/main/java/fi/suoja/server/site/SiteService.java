package fi.suoja.server.site;

import fi.suoja.server.db.Tx;
import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@Singleton
public class SiteService {

    private final SiteRepository sites;
    private final BookingRulesRepository rules;
    private final Clock clock;
    private final AuditLog audit;
    private final int defaultRetentionDays;
    private final Tx tx;

    SiteService(SiteRepository sites, BookingRulesRepository rules, Clock clock, AuditLog audit,
                @Value("${suoja.bookings.retention-days:30}") int defaultRetentionDays, Tx tx) {
        this.tx = tx;
        this.sites = sites;
        this.rules = rules;
        this.clock = clock;
        this.audit = audit;
        this.defaultRetentionDays = defaultRetentionDays;
    }

    public Site create(String name, String timeZone, BookingRules bookingRules) {
        return tx.run(() -> {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw SuojaException.invalid("Unknown time zone: " + timeZone);
            }
            if (sites.findByName(name).isPresent()) {
                throw new SuojaException(ProblemType.ALREADY_EXISTS, "A site with this name exists already.");
            }
            Site site = sites.save(new Site(null, name, timeZone, clock.instant(), null));
            rules.save(bookingRules.forSite(site.id()));
            audit.record(AuditAction.SITE_CREATED, site.id(), Target.site(site.id()), null, name + ", " + timeZone);
            return site;
        });
    }

    public List<Site> all() {
        return tx.run(() -> sites.findAllOrderById());
    }

    public Optional<Site> find(long id) {
        return tx.run(() -> sites.findById(id));
    }

    public Site get(long id) {
        return tx.run(() -> sites.findById(id).orElseThrow(() -> SuojaException.notFound("The site")));
    }

    public BookingRules rules(long siteId) {
        return tx.run(() -> rules.findById(siteId).orElseThrow(() -> SuojaException.notFound("The site")));
    }

    public BookingRules updateRules(long siteId, BookingRules changed) {
        return tx.run(() -> {
            get(siteId);
            audit.record(AuditAction.RULES_CHANGED, siteId, Target.site(siteId), null, null);
            return rules.update(changed.forSite(siteId));
        });
    }

    /** The site's own retention time, or the server's setting when it has none. */
    public Retention retention(long siteId) {
        return tx.run(() -> {
            Integer own = get(siteId).retentionDays();
            return own == null ? new Retention(defaultRetentionDays, true) : new Retention(own, false);
        });
    }

    /** Sets the site's own retention time; {@code null} goes back to the server's setting. */
    public Retention setRetention(long siteId, Integer days) {
        return tx.run(() -> {
            if (days != null && (days < Site.RETENTION_DAYS_MIN || days > Site.RETENTION_DAYS_MAX)) {
                throw new SuojaException(ProblemType.INVALID_REQUEST, "Bookings are kept " + Site.RETENTION_DAYS_MIN
                        + " to " + Site.RETENTION_DAYS_MAX + " days after their end.", "retention-days");
            }
            get(siteId);
            sites.setRetentionDays(siteId, days);
            audit.record(AuditAction.RETENTION_CHANGED, siteId, Target.site(siteId), null,
                    days == null ? "–" : days.toString());
            return retention(siteId);
        });
    }

    /** Must be called inside the caller's transaction; the lock is released when it ends. */
    public void lock(long siteId) {
        tx.inCallers(() -> sites.lock(siteId).orElseThrow(() -> SuojaException.notFound("The site")));
    }
}
