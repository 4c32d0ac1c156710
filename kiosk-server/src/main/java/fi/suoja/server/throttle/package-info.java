/**
 * Slowing down guessing (booking codes at a kiosk, staff passwords) without locking out the
 * people the codes and passwords belong to. See {@link fi.suoja.server.throttle.Throttles}.
 */
package fi.suoja.server.throttle;
