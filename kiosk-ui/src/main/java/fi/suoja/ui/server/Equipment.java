package fi.suoja.ui.server;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a room has built in, as the server names it. Equipment of a newer server than this UI reads
 * as null ({@code READ_UNKNOWN_ENUM_VALUES_AS_NULL} where a room's list is read) and is left out.
 */
@ApiSchema("Equipment")
public enum Equipment {
    COMPUTER, WEBCAM, HEADSET, LARGE_SCREEN, INDUCTION_LOOP;

    /** The equipment this UI can show, from a list read from the server. */
    static Set<Equipment> known(Collection<Equipment> equipment) {
        Set<Equipment> known = EnumSet.noneOf(Equipment.class);
        if (equipment != null) {
            equipment.stream().filter(Objects::nonNull).forEach(known::add);
        }
        return known;
    }
}
