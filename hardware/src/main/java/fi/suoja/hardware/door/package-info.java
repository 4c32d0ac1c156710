/**
 * Door locks: the port {@link fi.suoja.hardware.door.DoorLock} (set a booking's code in a slot,
 * revoke it, unlock now; state, battery and keypad reports: which slot's code opened the door),
 * the Zigbee2MQTT keypad lock adapter
 * {@link fi.suoja.hardware.door.Zigbee2MqttLock} with its configuration, wire records and
 * protocol words, {@link fi.suoja.hardware.door.TasmotaRelayLock} for a door strike on a Tasmota
 * relay (unlock only: a relay has no keypad), and {@link fi.suoja.hardware.door.SimulatedDoorLock}.
 * Both adapters treat the device's own report after a command as its acknowledgement and send
 * again after a timeout, as configured.
 *
 * <p>Zigbee locks keep no time windows: the caller sets a code when its window opens and
 * revokes it when it closes. Results are answers, never exceptions: done, refused with a reason,
 * or no answer after every retry, upon which the caller alerts staff and the booking goes on.
 */
package fi.suoja.hardware.door;
