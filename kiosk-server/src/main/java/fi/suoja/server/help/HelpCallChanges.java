package fi.suoja.server.help;

import fi.suoja.server.live.LiveChanges;
import jakarta.inject.Singleton;

/** Help call changes made by this server instance, after their commit, for the desks' and kiosks' streams. */
@Singleton
class HelpCallChanges extends LiveChanges<HelpCallView> {
}
