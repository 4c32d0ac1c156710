package fi.suoja.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * Server push for the whole application: the staff desk shows device changes and help calls the
 * moment the server reports them. The kiosk still polls for its idle timer; push does not change it.
 */
@Push
public class AppShell implements AppShellConfigurator {
}
