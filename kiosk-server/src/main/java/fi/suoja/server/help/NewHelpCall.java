package fi.suoja.server.help;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A kiosk's call for staff: the screen the visitor was on and the kiosk's language then, so that
 * the person who comes knows where to start and which language to greet in.
 */
@Serdeable
public record NewHelpCall(@NotNull KioskScreen screen, @NotNull @Pattern(regexp = LANGUAGES) String language) {

    /** The kiosk's languages. */
    public static final String LANGUAGES = "fi|sv|en|ru|et|ar|so|uk";
}
