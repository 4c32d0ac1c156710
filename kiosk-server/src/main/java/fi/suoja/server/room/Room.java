package fi.suoja.server.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A private service room of a site. Equipment is stored as a comma-separated list of names. */
@MappedEntity("room")
public record Room(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long siteId,
        String name,
        String place,
        int capacity,
        boolean stepFree,
        String equipment,
        @Nullable String doorLockId,
        boolean keypad,
        @Nullable String roomSignId,
        boolean active) {

    public static final int NAME_MAX = 80;
    public static final int PLACE_MAX = 200;
    public static final int HARDWARE_ID_MAX = 80;

    public Room {
        if (capacity < 1 || capacity > 50) {
            throw new IllegalArgumentException("a room seats 1 to 50 people");
        }
        if (keypad && doorLockId == null) {
            throw new IllegalArgumentException("a keypad belongs to a door lock");
        }
        equipmentSet(equipment);
    }

    public Set<Equipment> equipmentSet() {
        return equipmentSet(equipment);
    }

    static String encode(Set<Equipment> equipment) {
        return equipment.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Equipment> equipmentSet(String encoded) {
        Set<Equipment> set = EnumSet.noneOf(Equipment.class);
        if (encoded != null && !encoded.isBlank()) {
            Arrays.stream(encoded.split(",")).map(String::strip).map(Equipment::valueOf).forEach(set::add);
        }
        return set;
    }
}
