package fi.suoja.server.help;

import fi.suoja.server.access.AccessService;
import fi.suoja.server.access.Caller;
import fi.suoja.server.access.KioskView;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Help calls: kiosks raise and cancel them, staff acknowledge and resolve them, and a job closes
 * those nobody moved on. Every change is told to the live streams after its commit.
 */
@Singleton
public class HelpCallService {

    private static final Logger LOG = LoggerFactory.getLogger(HelpCallService.class);
    private static final Set<HelpCallStatus> OPEN = EnumSet.of(HelpCallStatus.OPEN, HelpCallStatus.ACKNOWLEDGED);

    private final HelpCallRepository calls;
    private final AccessService access;
    private final HelpCallChanges changes;
    private final Tx tx;
    private final HelpConfig config;
    private final Clock clock;

    HelpCallService(HelpCallRepository calls, AccessService access, HelpCallChanges changes, Tx tx, HelpConfig config,
                    Clock clock) {
        this.calls = calls;
        this.access = access;
        this.changes = changes;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A visitor asks for staff. Every ask is a call of its own, with its own screen, language and
     * waiting time, also at a kiosk that has a call open already: a second visitor's ask is a new
     * alert on the desk, never lost in the first one's. (The kiosk itself makes one visitor's
     * taps one call.)
     */
    public KioskHelpCallView raise(Caller.KioskClient kiosk, NewHelpCall request) {
        HelpCallView raised = tx.run(() -> {
            KioskView me = access.kiosk(kiosk.kioskId()).orElseThrow(() -> SuojaException.notFound("The kiosk"));
            return HelpCallView.of(calls.save(HelpCall.raise(kiosk.siteId(), kiosk.kioskId(), me.name(), request, clock.instant())));
        });
        LOG.info("Help call {} from kiosk {} on screen {} in {}", raised.id(), kiosk.kioskId(), request.screen(), request.language());
        changes.emit(raised);
        return KioskHelpCallView.of(raised);
    }

    /** The visitor needs no help any more. Only the kiosk that made the call may close it; for others it does not exist. */
    public KioskHelpCallView cancel(Caller.KioskClient kiosk, long id) {
        Instant now = clock.instant();
        return KioskHelpCallView.of(change(id, call -> call.kioskId() == kiosk.kioskId(), () -> calls.cancel(id, now)));
    }

    /** Acknowledging twice, or after the call was closed, changes nothing: two staff may tap at once. */
    public HelpCallView acknowledge(long id, Caller.Staff by) {
        Instant now = clock.instant();
        return change(id, call -> true, () -> calls.acknowledge(id, now, by.username()));
    }

    public HelpCallView resolve(long id, Caller.Staff by) {
        Instant now = clock.instant();
        return change(id, call -> true, () -> calls.resolve(id, now, by.username()));
    }

    public List<HelpCallView> list(boolean openOnly, @Nullable Long siteId) {
        Set<HelpCallStatus> statuses = openOnly ? OPEN : EnumSet.allOf(HelpCallStatus.class);
        return tx.run(() -> (siteId == null
                ? calls.findByStatusInOrderByCreatedAt(statuses)
                : calls.findByStatusInAndSiteIdOrderByCreatedAt(statuses, siteId)).stream().map(HelpCallView::of).toList());
    }

    /**
     * What a kiosk's stream starts with: its calls made within the expiry time, closed or not, and
     * any older one still open, so a kiosk that reconnects learns how its call went meanwhile.
     */
    public List<KioskHelpCallView> ofKiosk(long kioskId) {
        Instant since = clock.instant().minus(config.expireAfter());
        return tx.run(() -> {
            Map<Long, HelpCall> found = new LinkedHashMap<>();
            calls.findByKioskIdAndStatusInOrderByCreatedAt(kioskId, OPEN).forEach(call -> found.put(call.id(), call));
            calls.findByKioskIdAndCreatedAtGreaterThanEqualsOrderByCreatedAt(kioskId, since).forEach(call -> found.put(call.id(), call));
            return found.values().stream().map(call -> KioskHelpCallView.of(HelpCallView.of(call))).toList();
        });
    }

    /**
     * Closes every open call that nobody has moved on for {@code suoja.help.expire-after}. Looks at
     * all open calls, so it catches up after downtime; each is claimed by a conditional update on
     * the status it was read with, so with several instances a call expires once, and one
     * acknowledged meanwhile stays open.
     */
    public int expireStale() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.expireAfter());
        int expired = 0;
        for (HelpCall call : tx.run(() -> calls.findByStatusInOrderByCreatedAt(OPEN))) {
            if (call.lastTouched().isAfter(cutoff)) {
                continue;
            }
            Optional<HelpCallView> closed = tx.run(() -> calls.expire(call.id(), call.status().name(), now) == 1
                    ? Optional.of(get(call.id())) : Optional.empty());
            if (closed.isPresent()) {
                LOG.info("Help call {} from kiosk {} expired: nobody moved it on since {}", call.id(), call.kioskId(), call.lastTouched());
                changes.emit(closed.get());
                expired++;
            }
        }
        return expired;
    }

    /** Runs one conditional update on a call {@code visible} to the caller; tells the streams if it changed anything. */
    private HelpCallView change(long id, Predicate<HelpCall> visible, IntSupplier update) {
        Changed result = tx.run(() -> {
            calls.findById(id).filter(visible).orElseThrow(() -> SuojaException.notFound("The help call"));
            boolean changed = update.getAsInt() == 1;
            return new Changed(get(id), changed);
        });
        if (result.changed()) {
            changes.emit(result.view());
        }
        return result.view();
    }

    private record Changed(HelpCallView view, boolean changed) {
    }

    private HelpCallView get(long id) {
        return calls.findById(id).map(HelpCallView::of).orElseThrow(() -> SuojaException.notFound("The help call"));
    }
}
