package fi.suoja.server.device;

import fi.suoja.server.live.LiveChanges;
import jakarta.inject.Singleton;

/**
 * Device changes made by this server instance, for the staff UI's live view. A subscriber that
 * cannot keep up misses changes rather than slowing the fleet down; it can always list again.
 */
@Singleton
class DeviceChanges extends LiveChanges<Views.DeviceView> {
}
