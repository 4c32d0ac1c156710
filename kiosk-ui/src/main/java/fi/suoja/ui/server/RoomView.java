package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A room as the server's API shows it, to staff as to administrators. */
@ApiSchema("RoomView")
record RoomView(long id, long siteId, String name, String place, Map<String, String> names, Map<String, String> places,
                int capacity, boolean stepFree,
                @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) List<Equipment> equipment,
                String doorLockId, boolean keypad, String roomSignId, boolean active,
                List<AdminRoom.Hours> hours, List<AdminRoom.OtherDay> exceptions) {

    RoomTexts texts() {
        return new RoomTexts(name, place, names, places);
    }

    Room room() {
        return new Room(id, name, place, texts(), doorLockId);
    }

    /** As an administrator edits it: the first language's texts apart from the others. */
    AdminRoom adminRoom() {
        RoomTexts texts = texts();
        Map<String, String> otherNames = new TreeMap<>(texts.names());
        Map<String, String> otherPlaces = new TreeMap<>(texts.places());
        otherNames.remove(RoomTexts.FIRST);
        otherPlaces.remove(RoomTexts.FIRST);
        AdminRoom.Details details = new AdminRoom.Details(name, place, capacity, stepFree, Equipment.known(equipment),
                doorLockId, keypad, roomSignId, otherNames, otherPlaces);
        return new AdminRoom(id, siteId, details, active, hours == null ? List.of() : hours,
                exceptions == null ? List.of() : exceptions);
    }
}
