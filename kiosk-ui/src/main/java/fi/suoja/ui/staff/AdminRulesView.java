package fi.suoja.ui.staff;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.server.BookingRules;
import fi.suoja.ui.server.Retention;

/**
 * The library's booking rules and how long ended bookings keep their codes. The server checks
 * the rules; its refusal names the rule, which the page explains in words.
 */
@Route(value = "staff/admin/rules", layout = StaffLayout.class)
public class AdminRulesView extends AdminPage {

    private StaffSession session;
    private final Paragraph retentionNow = new Paragraph();

    public AdminRulesView() {
        super("staff.admin.rules.title");
        retentionNow.setId("retention-now");
    }

    @Override
    void build(StaffSession session) {
        this.session = session;
        BookingRules[] current = new BookingRules[1];
        Retention[] retention = new Retention[1];
        if (!act("rules", () -> {
            current[0] = session.client().bookingRules(session.site().id());
            retention[0] = session.client().retention(session.site().id());
        })) {
            return;
        }
        add(rules(current[0]), retention(retention[0]));
    }

    private Section rules(BookingRules r) {
        IntegerField step = minutes("rules-step", "staff.admin.rules.step", r.slotStepMinutes());
        IntegerField shortest = minutes("rules-min", "staff.admin.rules.min", r.minBookingMinutes());
        IntegerField longest = minutes("rules-max", "staff.admin.rules.max", r.maxBookingMinutes());
        IntegerField ahead = minutes("rules-ahead", "staff.admin.rules.ahead", r.maxDaysAhead());
        IntegerField buffer = minutes("rules-buffer", "staff.admin.rules.buffer", r.bufferMinutes());
        IntegerField grace = minutes("rules-grace", "staff.admin.rules.grace", r.checkInGraceMinutes());
        IntegerField lead = minutes("rules-lead", "staff.admin.rules.lead", r.doorCodeLeadMinutes());
        IntegerField perCard = minutes("rules-per-card", "staff.admin.rules.perCard", r.maxActiveBookingsPerCard());
        Checkbox card = new Checkbox(getTranslation("staff.admin.rules.card"), r.libraryCardRequired());
        card.setId("rules-card");
        Checkbox name = new Checkbox(getTranslation("staff.admin.rules.name"), r.nameOnDoorAllowed());
        name.setId("rules-name");
        Div fields = new Div(step, shortest, longest, ahead, buffer, grace, lead, perCard);
        fields.addClassName("admin-form");
        Div ticks = new Div(card, name);
        ticks.addClassName("admin-ticks");
        Div actions = new Div(Desk.button("rules-save", VaadinIcon.CHECK, getTranslation("staff.admin.save"), () -> {
            if (fields.getChildren().anyMatch(f -> ((IntegerField) f).getValue() == null)) {
                refuse("staff.admin.invalid.rules");
                return;
            }
            BookingRules changed = new BookingRules(step.getValue(), shortest.getValue(), longest.getValue(), ahead.getValue(),
                    buffer.getValue(), grace.getValue(), lead.getValue(), card.getValue(), perCard.getValue(), name.getValue());
            if (act("rules", () -> session.client().updateBookingRules(session.site().id(), changed))) {
                done("staff.admin.rules.saved");
            }
        }));
        actions.addClassName("actions");
        Section section = new Section(new H2(getTranslation("staff.admin.rules.heading")), fields, ticks, actions);
        section.setId("rules");
        return section;
    }

    private Section retention(Retention retention) {
        IntegerField days = new IntegerField(getTranslation("staff.admin.retention.days"));
        days.setId("retention-days");
        days.setMin(1);
        days.setMax(365);
        days.setValue(retention.days());
        days.setHelperText(getTranslation("staff.admin.retention.hint"));
        showRetention(retention);
        Div actions = new Div(Desk.button("retention-save", VaadinIcon.CHECK, getTranslation("staff.admin.save"), () -> {
            if (days.getValue() == null) {
                refuse("staff.admin.rule.retention-days");
                return;
            }
            Retention[] saved = new Retention[1];
            if (act("retention", () -> saved[0] = session.client().setRetention(session.site().id(), days.getValue()))) {
                showRetention(saved[0]);
                done("staff.admin.retention.saved", saved[0].days());
            }
        }), Desk.button("retention-default", VaadinIcon.REFRESH, getTranslation("staff.admin.retention.useDefault"), () -> {
            Retention[] saved = new Retention[1];
            if (act("retention", () -> saved[0] = session.client().resetRetention(session.site().id()))) {
                days.setValue(saved[0].days());
                showRetention(saved[0]);
                done("staff.admin.retention.saved", saved[0].days());
            }
        }));
        actions.addClassName("actions");
        Div fields = new Div(days);
        fields.addClassName("admin-form");
        Section section = new Section(new H2(getTranslation("staff.admin.retention.heading")), retentionNow, fields, actions);
        section.setId("retention");
        return section;
    }

    private void showRetention(Retention retention) {
        retentionNow.setText(getTranslation(retention.serverDefault() ? "staff.admin.retention.default" : "staff.admin.retention.own",
                retention.days()));
    }

    private IntegerField minutes(String id, String labelKey, int value) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setValue(value);
        field.setMin(0);
        return field;
    }
}
