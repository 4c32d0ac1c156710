package fi.suoja.server.stats;

import fi.suoja.server.problem.SuojaException;

import java.util.Arrays;
import java.util.Locale;

/** The statistics drawn as pictures, each named in its address ({@code occupancy.svg}). */
enum StatisticsChart {
    /** Occupancy by weekday × hour of the day, all rooms together: a heat map. */
    OCCUPANCY,
    /** Bookings started on each day. */
    BOOKINGS,
    /** Device loans started on each day. */
    LOANS,
    /** Agent wipes by how long they took. */
    WIPES;

    static StatisticsChart named(String name) {
        return Arrays.stream(values()).filter(chart -> chart.name().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                .orElseThrow(() -> SuojaException.invalid("There is no chart \"" + name + "\": ask for occupancy, bookings, loans or wipes."));
    }
}
