package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import fi.suoja.ui.server.ServerUnreachable;
import fi.suoja.ui.server.Site;
import fi.suoja.ui.server.SiteNow;

import java.time.Duration;
import java.time.Instant;

/**
 * The first screen, filling the screen in either orientation: how many rooms are free right now
 * (or that all are taken, or closed and when they open), and three large picture cards: book now,
 * book for later, I have a booking. The count is asked again every half minute while nobody uses
 * the kiosk, so it is never long out of date.
 */
class StartScreen extends Section {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final KioskView kiosk;
    private final Site site;
    private final Div status = new Div();
    private Instant asked;
    private Registration poll;

    StartScreen(KioskView kiosk) {
        this.kiosk = kiosk;
        this.site = kiosk.site();
        addClassName("screen");
        addClassName("start");
        status.setId("rooms-now");
        status.addClassName("rooms-now");
        showStatus();
        NativeButton now = Parts.card(kiosk, "book-now", VaadinIcon.CLOCK, kiosk.t("start.now"), kiosk::chooseNow);
        now.addClassName("primary");
        Div cards = new Div(now,
                Parts.card(kiosk, "book", VaadinIcon.CALENDAR, kiosk.t("start.book"), kiosk::showWhen),
                Parts.card(kiosk, "have-booking", VaadinIcon.KEY, kiosk.t("start.have"), kiosk::showCode));
        cards.addClassName("start-cards");
        add(Parts.heading(kiosk.t("start.heading")), status, cards,
                Parts.row(Parts.button(kiosk, "help", VaadinIcon.LIFEBUOY, kiosk.t("start.help"), kiosk::askForHelp)));
    }

    private void showStatus() {
        asked = kiosk.services().clock().instant();
        SiteNow now = kiosk.services().client().now(site.id(), Lengths.shortest(site), null);
        status.removeAll();
        status.getElement().setAttribute("data-state", now.state().name().toLowerCase());
        Paragraph words = new Paragraph(new Span(Opening.state(kiosk, now)));
        String more = now.state() == SiteNow.State.FULL
                ? now.nextFree().map(next -> Times.today(kiosk, site.zone(), next.starts().get(0))
                        ? kiosk.t("start.nextAt", Times.clock(site.zone(), next.starts().get(0)))
                        : kiosk.t("start.nextOn", Times.day(kiosk, site.zone(), next.starts().get(0)),
                                Times.clock(site.zone(), next.starts().get(0)))).orElse(null)
                : Opening.hours(kiosk, site.zone(), now);
        if (more != null && now.state() != SiteNow.State.FREE) {
            words.add(new Span(" " + more));
        }
        status.add(Parts.icon(switch (now.state()) {
            case FREE -> VaadinIcon.CHECK_CIRCLE;
            case FULL -> VaadinIcon.HOURGLASS;
            case CLOSED -> VaadinIcon.MOON;
        }), words);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(e -> {
            if (!kiosk.services().clock().instant().isBefore(asked.plus(REFRESH))) {
                try {
                    showStatus();
                } catch (ServerUnreachable e2) {
                    kiosk.showBroken();
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
    }
}
