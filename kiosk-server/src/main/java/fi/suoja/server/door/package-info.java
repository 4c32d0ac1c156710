/**
 * Door locks and room signs driven by the booking lifecycle. {@link fi.suoja.server.door.BookingDoors}
 * turns the booking events into durable {@link fi.suoja.server.door.DoorTask}s (set and revoke a
 * keypad code, unlock on check-in, BUSY / ENDING_SOON / FREE on the sign), which
 * {@link fi.suoja.server.door.DoorPlanner} plans and {@link fi.suoja.server.door.DoorReconciler}
 * checks against the bookings now and then; {@link fi.suoja.server.door.DoorTaskRunner} runs them
 * through the hardware ports at their instants as {@link fi.suoja.server.work.DurableWork} (claimed
 * through the database, with retries and back-off) and raises a staff alert when a device stays
 * silent; {@link fi.suoja.server.door.CodeSlots} gives each code a keypad slot of its lock. {@link fi.suoja.server.door.DoorCodeCheckIns} checks a booking in when a
 * lock reports that the booking's code opened it. {@link fi.suoja.server.door.HardwareFactory}
 * makes the adapters that {@code suoja.hardware.locks} and {@code suoja.hardware.signs} name.
 * Bookings know nothing of this package.
 */
package fi.suoja.server.door;
