package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.Site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Another day: the next days the library lets people book, a week at most so the choice stays short. */
class DayScreen extends Section {

    DayScreen(KioskView kiosk, Site site) {
        addClassName("screen");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d.M.", kiosk.language().locale());
        Div days = Parts.grid();
        LocalDate today = kiosk.today();
        for (int i = 1; i <= Math.min(7, site.maxDaysAhead()); i++) {
            LocalDate day = today.plusDays(i);
            NativeButton button = Parts.button(kiosk, "day-" + i, VaadinIcon.CALENDAR, format.format(day),
                    () -> kiosk.chooseDay(day));
            button.getChildren().skip(1).findFirst().ifPresent(words -> words.addClassName(Parts.DATA));
            days.add(button);
        }
        add(Parts.heading(kiosk.t("day.heading")), days);
    }
}
