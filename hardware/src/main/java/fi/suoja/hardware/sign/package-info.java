/**
 * Room signs, the free / busy light by the door: the port {@link fi.suoja.hardware.sign.RoomSign}
 * with the states FREE, BUSY and ENDING_SOON, the MQTT adapter {@link fi.suoja.hardware.sign.MqttRoomSign}
 * for our own plain-JSON sign controllers (retained {@code {"state":"BUSY","color":"red"}}) or
 * colour lights paired with Zigbee2MQTT, and {@link fi.suoja.hardware.sign.SimulatedRoomSign}.
 */
package fi.suoja.hardware.sign;
