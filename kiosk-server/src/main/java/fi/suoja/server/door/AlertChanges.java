package fi.suoja.server.door;

import fi.suoja.server.live.LiveChanges;
import jakarta.inject.Singleton;

/** Staff alerts raised or acknowledged by this server instance, after their commit, for the desks' streams. */
@Singleton
class AlertChanges extends LiveChanges<AlertView> {
}
