package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.Site;

import java.util.function.IntConsumer;

/** How long the room is needed, before the rooms and times that fit are shown. */
class LengthScreen extends Section {

    LengthScreen(KioskView kiosk, Site site, IntConsumer chosen) {
        addClassName("screen");
        Div lengths = Parts.grid();
        for (int minutes : Lengths.offered(site, site.maxBookingMinutes())) {
            lengths.add(Parts.button(kiosk, "length-" + minutes, VaadinIcon.STOPWATCH,
                    kiosk.t("length.minutes", minutes), () -> chosen.accept(minutes)));
        }
        add(Parts.heading(kiosk.t("length.heading")), lengths);
    }
}
