package fi.suoja.server.audit;

import fi.suoja.server.db.BatchInsert;
import fi.suoja.server.db.Tx;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes and reads the audit log. Who did it and from where are taken from the request being
 * answered: the signed-in caller's name, the desk the UI server names in {@value #DESK_HEADER},
 * and the address the request came from.
 */
@Singleton
public class AuditLog {

    /** The header in which the staff desk (kiosk-ui) names itself; see docs/operations.md. */
    public static final String DESK_HEADER = "X-Suoja-Desk";
    static final int PAGE_MAX = 200;
    /** Entries of {@link #recordEach}, written together at the commit. */
    private static final BatchInsert<AuditEntry> INSERT = new BatchInsert<>("audit_entry",
            List.of("done_at", "actor", "desk", "address", "action", "site_id", "target_kind", "target_id", "booking_id", "detail"),
            (values, e) -> values.add(e.at()).add(e.actor()).add(e.desk()).add(e.address()).add(e.action().name())
                    .add(e.siteId()).add(e.targetKind() == null ? null : e.targetKind().name()).add(e.targetId())
                    .add(e.bookingId()).add(e.detail()));

    private final AuditEntryRepository entries;
    private final Clock clock;
    private final Tx tx;

    AuditLog(AuditEntryRepository entries, Clock clock, Tx tx) {
        this.tx = tx;
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records what the signed-in caller did, in the caller's transaction: if the change is rolled
     * back, so is its entry. {@code detail}: short parameters, no personal data.
     */
    public void record(AuditAction action, @Nullable Long siteId, @Nullable Target target, @Nullable Long bookingId,
                       @Nullable String detail) {
        record(action, siteId, target, bookingId, detail, clock.instant());
    }

    /**
     * As {@link #record(AuditAction, Long, Target, Long, String)}, done {@code at} the instant of the
     * change it records, so that it reads in its place beside what the change wrote with that instant.
     */
    public void record(AuditAction action, @Nullable Long siteId, @Nullable Target target, @Nullable Long bookingId,
                       @Nullable String detail, Instant at) {
        tx.inCallers(() -> {
            entries.save(Caller.now().entry(action, siteId, target, bookingId, detail, at));
        });
    }

    /** One entry of {@link #recordEach}: a thing done to, and its site. */
    public record Done(@Nullable Long siteId, Target target) {
    }

    /**
     * As {@link #record(AuditAction, Long, Target, Long, String, Instant)}, one entry for each thing
     * one request did the same to (a wipe of many devices), written together just before the
     * caller's transaction commits.
     */
    public void recordEach(AuditAction action, List<Done> done, @Nullable String detail, Instant at) {
        tx.inCallers(() -> {
            Caller caller = Caller.now();
            INSERT.insertBeforeCommit(tx, done.stream().map(d -> caller.entry(action, d.siteId(), d.target(), null, detail, at)).toList());
        });
    }

    /** Who is doing it and from where, taken from the request being answered. */
    private record Caller(String actor, @Nullable String desk, @Nullable String address) {

        static Caller now() {
            Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
            String actor = request.flatMap(r -> r.getUserPrincipal(Authentication.class)).map(Authentication::getName).orElse("system");
            String desk = request.map(r -> r.getHeaders().get(DESK_HEADER)).map(AuditLog::clean).orElse(null);
            String address = request.map(r -> r.getRemoteAddress().getAddress().getHostAddress()).orElse(null);
            return new Caller(cut(actor, AuditEntry.ACTOR_MAX), cut(desk, AuditEntry.DESK_MAX), address);
        }

        AuditEntry entry(AuditAction action, @Nullable Long siteId, @Nullable Target target, @Nullable Long bookingId,
                         @Nullable String detail, Instant at) {
            return new AuditEntry(null, at, actor, desk, address, action, siteId, target == null ? null : target.kind(),
                    target == null ? null : target.id(), bookingId, cut(clean(detail), AuditEntry.DETAIL_MAX));
        }
    }

    /** With the booking's retention: the entries keep what was done, but no longer to which booking. */
    public int forgetBooking(long bookingId) {
        return tx.inCallers(() -> entries.forgetBooking(bookingId));
    }

    /** One page of entries, newest first. */
    public AuditPage find(Instant from, Instant to, @Nullable String actor, @Nullable AuditAction action, int page, int size) {
        return tx.run(() -> {
            int limit = Math.max(1, Math.min(size, PAGE_MAX));
            List<AuditEntry> found = entries.find(from, to, actor, action == null ? null : action.name(), limit + 1,
                    (long) Math.max(0, page) * limit);
            List<AuditEntryView> shown = found.stream().limit(limit).map(AuditEntryView::of).toList();
            return new AuditPage(shown, page, limit, found.size() > limit);
        });
    }

    /**
     * What was done to {@code target}, of these actions, newest first and at most {@code limit}
     * entries: for features that show a thing's own history (a device's faults and repairs).
     */
    public List<AuditEntryView> about(Target target, Set<AuditAction> actions, int limit) {
        return tx.read(() -> entries.about(target.kind().name(), target.id(),
                        actions.stream().map(Enum::name).sorted().toList(), Math.max(1, Math.min(limit, PAGE_MAX))).stream()
                .map(AuditEntryView::of).toList());
    }

    Instant now() {
        return clock.instant();
    }

    /** A header or a detail shown to admins: no control characters, however it was sent. */
    private static String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
