package fi.suoja.ui.staff;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.server.AdminRoom;
import fi.suoja.ui.kiosk.Language;
import fi.suoja.ui.server.Equipment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The library's rooms for an administrator: the list, a new room, and for one room its details,
 * its weekly hours (an unticked weekday is closed) and its exception days (holidays, other hours).
 */
@Route(value = "staff/admin/rooms", layout = StaffLayout.class)
public class AdminRoomsView extends AdminPage {

    private final UnorderedList list = new UnorderedList();
    private final Section editor = new Section();
    private StaffSession session;

    public AdminRoomsView() {
        super("staff.admin.rooms.title");
        list.setId("rooms");
        list.addClassName("admin-list");
        editor.setId("room-editor");
        editor.addClassName("admin-editor");
        editor.setVisible(false);
    }

    @Override
    void build(StaffSession session) {
        this.session = session;
        Div tools = new Div(Desk.button("room-new", VaadinIcon.PLUS, getTranslation("staff.admin.rooms.new"), () -> edit(null)));
        tools.addClassName("actions");
        add(tools, list, editor);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        act("room", () -> {
            String language = getLocale().getLanguage();
            for (AdminRoom room : session.client().adminRooms(session.site().id())) {
                AdminRoom.Details d = room.details();
                Span name = Desk.data(d.names().getOrDefault(language, d.name()));
                name.addClassName("admin-item-name");
                Span place = Desk.data(d.places().getOrDefault(language, d.place()));
                ListItem item = new ListItem(name, place,
                        Desk.button("room-edit-" + room.id(), VaadinIcon.EDIT, getTranslation("staff.admin.edit"), () -> edit(room)));
                item.setId("room-" + room.id());
                list.add(item);
            }
        });
    }

    /** Opens the editor for {@code room}, or for a new room when null. */
    private void edit(AdminRoom room) {
        editor.removeAll();
        editor.setVisible(true);
        AdminRoom.Details d = room == null ? null : room.details();
        H2 heading = new H2(room == null ? getTranslation("staff.admin.rooms.new") : getTranslation("staff.admin.rooms.edit"));
        TextField name = text("room-name", "staff.admin.rooms.name", d == null ? "" : d.name(), 80);
        name.setRequired(true);
        TextField place = text("room-place", "staff.admin.rooms.place", d == null ? "" : d.place(), 200);
        place.setRequired(true);
        // the first language's name and place above; each other kiosk language's below, empty for none
        Map<Language, TextField> names = new EnumMap<>(Language.class);
        Map<Language, TextField> places = new EnumMap<>(Language.class);
        Div languages = new Div(new H3(getTranslation("staff.admin.rooms.languages")),
                new Paragraph(getTranslation("staff.admin.rooms.languagesHint", Language.FIRST.ownName())));
        languages.setId("room-languages");
        for (Language language : Language.values()) {
            if (language == Language.FIRST) {
                continue;
            }
            TextField other = text("room-name-" + language.tag(), "staff.admin.rooms.nameIn", language.ownName(),
                    d == null ? "" : d.names().getOrDefault(language.tag(), ""), 80);
            TextField otherPlace = text("room-place-" + language.tag(), "staff.admin.rooms.placeIn", language.ownName(),
                    d == null ? "" : d.places().getOrDefault(language.tag(), ""), 200);
            // typed in that language: the browser's spelling and a screen reader follow it
            other.getElement().setAttribute("lang", language.tag());
            otherPlace.getElement().setAttribute("lang", language.tag());
            names.put(language, other);
            places.put(language, otherPlace);
            Div row = new Div(other, otherPlace);
            row.addClassName("admin-form");
            languages.add(row);
        }
        IntegerField capacity = new IntegerField(getTranslation("staff.admin.rooms.capacity"));
        capacity.setId("room-capacity");
        capacity.setMin(1);
        capacity.setMax(50);
        capacity.setStepButtonsVisible(true);
        capacity.setValue(d == null ? 1 : d.capacity());
        Checkbox stepFree = new Checkbox(getTranslation("staff.admin.rooms.stepFree"), d != null && d.stepFree());
        stepFree.setId("room-step-free");
        CheckboxGroup<Equipment> equipment = new CheckboxGroup<>(getTranslation("staff.admin.rooms.equipment"));
        equipment.setId("room-equipment");
        equipment.setItems(Equipment.values());
        equipment.setItemLabelGenerator(e -> getTranslation("staff.admin.equipment." + e.name()));
        equipment.setValue(d == null ? EnumSet.noneOf(Equipment.class) : d.equipment());
        TextField lock = text("room-lock", "staff.admin.rooms.lock", d == null ? "" : nonNull(d.doorLockId()), 80);
        Checkbox keypad = new Checkbox(getTranslation("staff.admin.rooms.keypad"), d != null && d.keypad());
        keypad.setId("room-keypad");
        TextField sign = text("room-sign", "staff.admin.rooms.sign", d == null ? "" : nonNull(d.roomSignId()), 80);
        Div fields = new Div(name, place, capacity, lock, sign);
        fields.addClassName("admin-form");
        Div ticks = new Div(stepFree, keypad);
        ticks.addClassName("admin-ticks");

        Div actions = new Div(Desk.button("room-save", VaadinIcon.CHECK, getTranslation("staff.admin.save"), () -> {
            AdminRoom.Details details = new AdminRoom.Details(name.getValue().strip(), place.getValue().strip(),
                    capacity.getValue() == null ? 0 : capacity.getValue(), stepFree.getValue(),
                    equipment.getValue().isEmpty() ? EnumSet.noneOf(Equipment.class) : EnumSet.copyOf(equipment.getValue()),
                    lock.getValue(), keypad.getValue(), sign.getValue(), typed(names), typed(places));
            AdminRoom[] saved = new AdminRoom[1];
            if (act("room", () -> saved[0] = room == null
                    ? session.client().createRoom(session.site().id(), details)
                    : session.client().updateRoom(room.id(), details, room.active()))) {
                refresh();
                edit(saved[0]);
                done(room == null ? "staff.admin.rooms.created" : "staff.admin.rooms.saved", saved[0].details().name());
            }
        }), Desk.button("room-close", VaadinIcon.CLOSE, getTranslation("staff.admin.close"), () -> editor.setVisible(false)));
        actions.addClassName("actions");
        editor.add(heading, fields, languages, ticks, equipment, actions);
        if (room != null) {
            editor.add(hours(room), exceptionDays(room));
        }
    }

    private Section hours(AdminRoom room) {
        Section section = new Section(new H3(getTranslation("staff.admin.hours.heading")),
                new Paragraph(getTranslation("staff.admin.hours.hint")));
        section.setId("room-hours");
        Map<DayOfWeek, AdminRoom.Hours> now = new EnumMap<>(DayOfWeek.class);
        room.hours().forEach(h -> now.put(h.weekday(), h));
        Map<DayOfWeek, Checkbox> open = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, TimePicker> opens = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, TimePicker> closes = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            AdminRoom.Hours h = now.get(day);
            String dayName = day.getDisplayName(TextStyle.FULL_STANDALONE, getLocale());
            Checkbox isOpen = new Checkbox(getTranslation("staff.admin.hours.open", dayName), h != null);
            isOpen.setId("hours-open-" + day);
            TimePicker from = time("hours-opens-" + day, getTranslation("staff.admin.hours.opens", dayName),
                    h == null ? LocalTime.of(8, 0) : h.opens());
            TimePicker to = time("hours-closes-" + day, getTranslation("staff.admin.hours.closes", dayName),
                    h == null ? LocalTime.of(20, 0) : h.closes());
            from.setEnabled(h != null);
            to.setEnabled(h != null);
            isOpen.addValueChangeListener(change -> {
                from.setEnabled(change.getValue());
                to.setEnabled(change.getValue());
            });
            open.put(day, isOpen);
            opens.put(day, from);
            closes.put(day, to);
            Div row = new Div(isOpen, from, to);
            row.addClassName("admin-hours-row");
            section.add(row);
        }
        Div actions = new Div(Desk.button("hours-save", VaadinIcon.CHECK, getTranslation("staff.admin.hours.save"), () -> {
            List<AdminRoom.Hours> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (open.get(day).getValue()) {
                    if (opens.get(day).getValue() == null || closes.get(day).getValue() == null) {
                        refuse("staff.admin.invalid.hours");
                        return;
                    }
                    week.add(new AdminRoom.Hours(day, opens.get(day).getValue(), closes.get(day).getValue()));
                }
            }
            AdminRoom[] saved = new AdminRoom[1];
            if (act("hours", () -> saved[0] = session.client().setWeeklyHours(room.id(), week))) {
                edit(saved[0]);
                done("staff.admin.hours.saved", saved[0].details().name());
            }
        }));
        actions.addClassName("actions");
        section.add(actions);
        return section;
    }

    private Section exceptionDays(AdminRoom room) {
        Section section = new Section(new H3(getTranslation("staff.admin.days.heading")));
        section.setId("room-days");
        UnorderedList days = new UnorderedList();
        days.setId("days");
        days.addClassName("admin-list");
        for (AdminRoom.OtherDay day : room.exceptions()) {
            Span what = day.closed()
                    ? new Span(getTranslation("staff.admin.days.closed"))
                    : Desk.data(day.opens() + "–" + day.closes());
            ListItem item = new ListItem(Desk.data(Desk.date(day.date())), what, Desk.data(nonNull(day.note())),
                    Desk.button("day-remove-" + day.date(), VaadinIcon.TRASH, getTranslation("staff.admin.days.remove"), () -> {
                        AdminRoom[] saved = new AdminRoom[1];
                        if (act("day", () -> saved[0] = session.client().removeExceptionDay(room.id(), day.date()))) {
                            edit(saved[0]);
                            done("staff.admin.days.removed", Desk.date(day.date()));
                        }
                    }));
            item.setId("day-" + day.date());
            days.add(item);
        }
        if (room.exceptions().isEmpty()) {
            days.add(new ListItem(getTranslation("staff.admin.days.none")));
        }
        DatePicker date = new DatePicker(getTranslation("staff.admin.days.date"));
        date.setId("day-date");
        date.setLocale(getLocale());
        Checkbox closed = new Checkbox(getTranslation("staff.admin.days.closedAllDay"), true);
        closed.setId("day-closed");
        TimePicker opens = time("day-opens", getTranslation("staff.admin.days.opens"), LocalTime.of(10, 0));
        TimePicker closes = time("day-closes", getTranslation("staff.admin.days.closes"), LocalTime.of(16, 0));
        opens.setEnabled(false);
        closes.setEnabled(false);
        closed.addValueChangeListener(change -> {
            opens.setEnabled(!change.getValue());
            closes.setEnabled(!change.getValue());
        });
        TextField note = text("day-note", "staff.admin.days.note", "", 120);
        Div fields = new Div(date, opens, closes, note);
        fields.addClassName("admin-form");
        Div actions = new Div(Desk.button("day-add", VaadinIcon.PLUS, getTranslation("staff.admin.days.add"), () -> {
            if (date.getValue() == null || (!closed.getValue() && (opens.getValue() == null || closes.getValue() == null))) {
                refuse("staff.admin.invalid.day");
                return;
            }
            AdminRoom[] saved = new AdminRoom[1];
            if (act("day", () -> saved[0] = session.client().setExceptionDay(room.id(), date.getValue(),
                    closed.getValue() ? null : opens.getValue(), closed.getValue() ? null : closes.getValue(), note.getValue()))) {
                edit(saved[0]);
                done("staff.admin.days.added", Desk.date(date.getValue()));
            }
        }));
        actions.addClassName("actions");
        section.add(days, fields, closed, actions);
        return section;
    }

    /** What was typed per language tag, blank fields left out. */
    private static Map<String, String> typed(Map<Language, TextField> fields) {
        Map<String, String> typed = new java.util.TreeMap<>();
        fields.forEach((language, field) -> {
            if (!field.getValue().isBlank()) {
                typed.put(language.tag(), field.getValue().strip());
            }
        });
        return typed;
    }

    private TextField text(String id, String labelKey, String value, int max) {
        return text(id, labelKey, null, value, max);
    }

    private TextField text(String id, String labelKey, String labelParam, String value, int max) {
        TextField field = new TextField(labelParam == null ? getTranslation(labelKey) : getTranslation(labelKey, labelParam));
        field.setId(id);
        field.setMaxLength(max);
        field.setValue(value);
        return field;
    }

    private static TimePicker time(String id, String label, LocalTime value) {
        TimePicker picker = new TimePicker(label, value);
        picker.setId(id);
        picker.setStep(Duration.ofMinutes(5));
        return picker;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
