package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.kiosk.KioskSpeech;
import fi.suoja.ui.kiosk.Language;
import fi.suoja.ui.server.Kiosk;
import fi.suoja.ui.server.NewKioskToken;
import fi.suoja.ui.speech.Speech;

/**
 * The library's kiosks: a new kiosk, a new token for a kiosk (the old one stops working), and
 * revoking a kiosk. A token is shown once, when it is made; the server keeps only its hash.
 */
@Route(value = "staff/admin/kiosks", layout = StaffLayout.class)
public class AdminKiosksView extends AdminPage {

    private final UnorderedList list = new UnorderedList();
    private final Section token = new Section();
    private StaffSession session;

    public AdminKiosksView() {
        super("staff.admin.kiosks.title");
        list.setId("kiosks");
        list.addClassName("admin-list");
        token.setId("kiosk-token");
        token.addClassName("admin-once");
        token.setVisible(false);
    }

    @Override
    void build(StaffSession session) {
        this.session = session;
        TextField name = new TextField(getTranslation("staff.admin.kiosks.name"));
        name.setId("kiosk-name");
        name.setMaxLength(80);
        name.setRequired(true);
        Div fields = new Div(name);
        fields.addClassName("admin-form");
        Div actions = new Div(Desk.button("kiosk-create", VaadinIcon.PLUS, getTranslation("staff.admin.kiosks.create"), () -> {
            NewKioskToken[] made = new NewKioskToken[1];
            if (act("kiosk", () -> made[0] = session.client().createKiosk(session.site().id(), name.getValue().strip()))) {
                name.clear();
                refresh();
                showToken(made[0]);
            }
        }));
        actions.addClassName("actions");
        Section create = new Section(new H2(getTranslation("staff.admin.kiosks.new")), fields, actions);
        add(create, token, new H2(getTranslation("staff.admin.kiosks.heading")), list, listen());
        refresh();
    }

    /**
     * Which of the kiosk's languages a visitor can hear (Listen): with eSpeak NG's voice, the
     * library's recordings, or not at all, in which case the kiosk hides its Listen button there.
     * Said to staff here, never to the visitor.
     */
    private Section listen() {
        Speech speech = KioskSpeech.current();
        UnorderedList languages = new UnorderedList();
        languages.setId("kiosk-listen");
        languages.addClassName("admin-list");
        for (Language language : Language.values()) {
            String tag = language.tag();
            int recorded = speech.recordingCount(tag);
            ListItem item;
            if (speech.hasVoice(tag)) {
                item = new ListItem(getTranslation("staff.admin.kiosks.listen.voice", language.ownName(), recorded));
            } else if (recorded > 0) {
                item = new ListItem(getTranslation("staff.admin.kiosks.listen.recordings", language.ownName(), recorded));
            } else {
                item = new ListItem(getTranslation("staff.admin.kiosks.listen.silent", language.ownName()));
                item.addClassName("admin-warning");
            }
            item.setId("kiosk-listen-" + tag);
            languages.add(item);
        }
        return new Section(new H2(getTranslation("staff.admin.kiosks.listen")), languages);
    }

    private void refresh() {
        list.removeAll();
        act("kiosk", () -> {
            for (Kiosk kiosk : session.client().kiosks()) {
                if (kiosk.siteId() != session.site().id()) {
                    continue;
                }
                Span state = new Span(getTranslation(kiosk.revoked() ? "staff.admin.kiosks.revoked" : "staff.admin.kiosks.active"));
                state.addClassName(kiosk.revoked() ? "admin-off" : "admin-on");
                ListItem item = new ListItem(Desk.data(kiosk.name()), state);
                item.setId("kiosk-" + kiosk.id());
                if (!kiosk.revoked()) {
                    item.add(Desk.button("kiosk-renew-" + kiosk.id(), VaadinIcon.KEY, getTranslation("staff.admin.kiosks.renew"),
                                    () -> confirm(getTranslation("staff.admin.kiosks.confirmRenew", kiosk.name()), () -> renew(kiosk))),
                            Desk.button("kiosk-revoke-" + kiosk.id(), VaadinIcon.BAN, getTranslation("staff.admin.kiosks.revoke"),
                                    () -> confirm(getTranslation("staff.admin.kiosks.confirmRevoke", kiosk.name()), () -> revoke(kiosk))));
                }
                list.add(item);
            }
        });
    }

    private void renew(Kiosk kiosk) {
        NewKioskToken[] made = new NewKioskToken[1];
        if (act("kiosk", () -> made[0] = session.client().renewKioskToken(kiosk.id()))) {
            refresh();
            showToken(made[0]);
        }
    }

    private void revoke(Kiosk kiosk) {
        if (act("kiosk", () -> session.client().revokeKiosk(kiosk.id()))) {
            refresh();
            done("staff.admin.kiosks.revokedDone", kiosk.name());
        }
    }

    private void showToken(NewKioskToken made) {
        token.removeAll();
        token.setVisible(true);
        Paragraph warning = new Paragraph(getTranslation("staff.admin.kiosks.once", made.kiosk().name()));
        warning.setId("kiosk-once-warning");
        warning.addClassName("admin-warning");
        warning.getElement().setAttribute("role", "alert");
        Pre value = new Pre(made.token());
        value.setId("kiosk-token-value");
        value.addClassName(Desk.DATA);
        token.add(warning, value, Desk.button("kiosk-token-hide", VaadinIcon.EYE_SLASH, getTranslation("staff.admin.kiosks.hide"), () -> {
            token.removeAll();
            token.setVisible(false);
        }));
        done("staff.admin.kiosks.tokenDone", made.kiosk().name());
    }
}
