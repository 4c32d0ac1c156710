package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.server.Account;
import fi.suoja.ui.server.Role;

import java.util.List;

/**
 * Staff and administrator accounts: a new account with its role, a new password for an account
 * (its sessions end), and switching an account off after a confirmation.
 */
@Route(value = "staff/admin/accounts", layout = StaffLayout.class)
public class AdminAccountsView extends AdminPage {

    private final UnorderedList list = new UnorderedList();
    private final Section reset = new Section();
    private StaffSession session;

    public AdminAccountsView() {
        super("staff.admin.accounts.title");
        list.setId("accounts");
        list.addClassName("admin-list");
        reset.setId("reset");
        reset.addClassName("admin-editor");
        reset.setVisible(false);
    }

    @Override
    void build(StaffSession session) {
        this.session = session;
        TextField username = new TextField(getTranslation("staff.admin.accounts.username"));
        username.setId("account-username");
        username.setMaxLength(60);
        username.setHelperText(getTranslation("staff.admin.accounts.usernameHint"));
        PasswordField password = new PasswordField(getTranslation("staff.admin.accounts.password"));
        password.setId("account-password");
        password.setHelperText(getTranslation("staff.admin.accounts.passwordHint"));
        Select<String> role = new Select<>();
        role.setId("account-role");
        role.setLabel(getTranslation("staff.admin.accounts.role"));
        role.setItems(List.of(Role.STAFF.name(), Role.ADMIN.name()));
        role.setItemLabelGenerator(r -> getTranslation(Role.ADMIN.name().equals(r) ? "staff.role.admin" : "staff.role.staff"));
        role.setValue(Role.STAFF.name());
        Div fields = new Div(username, password, role);
        fields.addClassName("admin-form");
        Div actions = new Div(Desk.button("account-create", VaadinIcon.PLUS, getTranslation("staff.admin.accounts.create"), () -> {
            Account[] made = new Account[1];
            if (act("account", () -> made[0] = session.client().createAccount(username.getValue().strip(), password.getValue(), Role.valueOf(role.getValue())))) {
                username.clear();
                password.clear();
                refresh();
                done("staff.admin.accounts.created", made[0].username());
            }
        }));
        actions.addClassName("actions");
        add(new Section(new H2(getTranslation("staff.admin.accounts.new")), fields, actions), reset,
                new H2(getTranslation("staff.admin.accounts.heading")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        act("account", () -> {
            for (Account account : session.client().accounts()) {
                Span role = new Span(getTranslation(account.admin() ? "staff.role.admin" : "staff.role.staff"));
                Span state = new Span(getTranslation(account.active() ? "staff.admin.accounts.active" : "staff.admin.accounts.off"));
                state.addClassName(account.active() ? "admin-on" : "admin-off");
                ListItem item = new ListItem(Desk.data(account.username()), role, state);
                item.setId("account-" + account.id());
                if (account.active()) {
                    item.add(Desk.button("account-password-" + account.id(), VaadinIcon.KEY,
                                    getTranslation("staff.admin.accounts.reset"), () -> openReset(account)),
                            Desk.button("account-deactivate-" + account.id(), VaadinIcon.BAN, getTranslation("staff.admin.accounts.deactivate"),
                                    () -> confirm(getTranslation("staff.admin.accounts.confirmDeactivate", account.username()),
                                            () -> deactivate(account))));
                }
                list.add(item);
            }
        });
    }

    private void openReset(Account account) {
        reset.removeAll();
        reset.setVisible(true);
        PasswordField password = new PasswordField(getTranslation("staff.admin.accounts.newPassword", account.username()));
        password.setId("reset-password");
        password.setHelperText(getTranslation("staff.admin.accounts.passwordHint"));
        Div fields = new Div(password);
        fields.addClassName("admin-form");
        Div actions = new Div(Desk.button("reset-save", VaadinIcon.CHECK, getTranslation("staff.admin.save"), () -> {
            if (act("password", () -> session.client().resetPassword(account.id(), password.getValue()))) {
                reset.removeAll();
                reset.setVisible(false);
                done("staff.admin.accounts.passwordDone", account.username());
            }
        }), Desk.button("reset-close", VaadinIcon.CLOSE, getTranslation("staff.admin.close"), () -> reset.setVisible(false)));
        actions.addClassName("actions");
        reset.add(new H2(getTranslation("staff.admin.accounts.reset")), fields, actions);
    }

    private void deactivate(Account account) {
        if (act("deactivate", () -> session.client().deactivateAccount(account.id()))) {
            refresh();
            done("staff.admin.accounts.deactivated", account.username());
        }
    }
}
