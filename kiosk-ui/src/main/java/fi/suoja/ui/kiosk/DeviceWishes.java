package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.Equipment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The loan devices a visitor may ask for: those the chosen room does not have built in. The wish
 * is shown on the done screen ("ask staff at the desk"); handing devices out is the staff desk's.
 */
final class DeviceWishes {

    enum Device {
        LAPTOP(Equipment.COMPUTER, "device.laptop"),
        WEBCAM(Equipment.WEBCAM, "device.webcam"),
        HEADSET(Equipment.HEADSET, "device.headset");

        final Equipment builtIn;
        final String key;

        Device(Equipment builtIn, String key) {
            this.builtIn = builtIn;
            this.key = key;
        }

        String id() {
            return "device-" + name().toLowerCase();
        }
    }

    private final Set<Device> offered = EnumSet.noneOf(Device.class);
    private final Set<Device> wished = EnumSet.noneOf(Device.class);

    DeviceWishes(Set<Equipment> roomHas) {
        for (Device device : Device.values()) {
            if (!roomHas.contains(device.builtIn)) {
                offered.add(device);
            }
        }
    }

    Set<Device> offered() {
        return offered.isEmpty() ? EnumSet.noneOf(Device.class) : EnumSet.copyOf(offered);
    }

    boolean wishes(Device device) {
        return wished.contains(device);
    }

    /** Switches the wish for a device on or off; a device the room has built in is never wished. */
    void set(Device device, boolean wanted) {
        if (wanted && offered.contains(device)) {
            wished.add(device);
        } else {
            wished.remove(device);
        }
    }

    Set<Device> wished() {
        return wished.isEmpty() ? EnumSet.noneOf(Device.class) : EnumSet.copyOf(wished);
    }
}
