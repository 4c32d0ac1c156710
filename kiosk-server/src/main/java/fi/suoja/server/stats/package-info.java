/**
 * Statistics for the staff desk and calendar feeds for staff calendars. Everything here reads
 * what the other features stored (bookings, rooms and their hours, loans, wipe jobs and reports)
 * and answers with aggregates only: no booking code, door code, card or name ever leaves this
 * package. Opening hours come from {@link fi.suoja.server.room.RoomSchedule}, the same rules the
 * booking core uses.
 */
package fi.suoja.server.stats;
