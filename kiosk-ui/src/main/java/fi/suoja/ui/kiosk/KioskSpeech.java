package fi.suoja.ui.kiosk;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletContext;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.speech.Speech;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.Arrays;
import java.util.List;

/**
 * The kiosk's speech, made when the web application starts so that the start log says at once
 * which languages can be heard and why any cannot (eSpeak NG missing, no recordings), and kept in
 * the Vaadin context. Tests put their own there with {@link #install}.
 */
@WebListener
public class KioskSpeech implements ServletContextListener {

    static final List<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::tag).toList();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        VaadinServletContext context = new VaadinServletContext(event.getServletContext());
        Speech speech = context.getAttribute(Speech.class, KioskSpeech::fromEnvironment);
        speech.logStatus();
    }

    static Speech fromEnvironment() {
        return Speech.fromSettings(KioskConfig.settings(System.getenv(), System::getProperty), LANGUAGES);
    }

    /** The kiosk's speech; the desk reads it to tell staff which languages can be heard. */
    public static Speech current() {
        return VaadinService.getCurrent().getContext().getAttribute(Speech.class, KioskSpeech::fromEnvironment);
    }

    public static void install(Speech speech) {
        VaadinService.getCurrent().getContext().setAttribute(Speech.class, speech);
    }
}
