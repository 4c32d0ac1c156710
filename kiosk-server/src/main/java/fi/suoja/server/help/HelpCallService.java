package fi.suoja.server.help;

import fi.suoja.server.access.AccessService;
import fi.suoja.server.access.Caller;
import fi.suoja.server.access.KioskView;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Singleton
public class HelpCallService {

    private static final Set<HelpCallStatus> OPEN = EnumSet.of(HelpCallStatus.OPEN, HelpCallStatus.ACKNOWLEDGED);

    private final HelpCallRepository calls;
    private final AccessService access;
    private final Clock clock;

    HelpCallService(HelpCallRepository calls, AccessService access, Clock clock) {
        this.calls = calls;
        this.access = access;
        this.clock = clock;
    }

    /** A kiosk asks for staff. A second tap while a call of this kiosk is still open returns that call. */
    @Transactional
    public HelpCallView raise(Caller.KioskClient kiosk) {
        KioskView me = access.kiosk(kiosk.kioskId()).orElseThrow(() -> SuojaException.notFound("The kiosk"));
        return calls.findByStatusInAndSiteIdOrderByCreatedAt(OPEN, kiosk.siteId()).stream()
                .filter(call -> call.kioskId() == kiosk.kioskId() && call.status() == HelpCallStatus.OPEN)
                .findFirst()
                .map(HelpCallView::of)
                .orElseGet(() -> HelpCallView.of(calls.save(HelpCall.raise(kiosk.siteId(), kiosk.kioskId(), me.name(), clock.instant()))));
    }

    @Transactional
    public List<HelpCallView> list(boolean openOnly, @Nullable Long siteId) {
        Set<HelpCallStatus> statuses = openOnly ? OPEN : EnumSet.allOf(HelpCallStatus.class);
        List<HelpCall> found = siteId == null
                ? calls.findByStatusInOrderByCreatedAt(statuses)
                : calls.findByStatusInAndSiteIdOrderByCreatedAt(statuses, siteId);
        return found.stream().map(HelpCallView::of).toList();
    }

    @Transactional
    public HelpCallView acknowledge(long id, Caller.Staff by) {
        HelpCall call = get(id);
        return HelpCallView.of(calls.update(call.acknowledge(by.username(), clock.instant())));
    }

    @Transactional
    public HelpCallView resolve(long id, Caller.Staff by) {
        HelpCall call = get(id);
        return HelpCallView.of(calls.update(call.resolve(by.username(), clock.instant())));
    }

    private HelpCall get(long id) {
        return calls.findById(id).orElseThrow(() -> SuojaException.notFound("The help call"));
    }
}
