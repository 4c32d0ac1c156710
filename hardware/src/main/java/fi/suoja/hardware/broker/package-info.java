/**
 * The MQTT connection the device adapters share: {@link fi.suoja.hardware.broker.BrokerConnection},
 * a small seam over Eclipse Paho's MQTT 5 client so the adapters can be tested without a broker.
 */
package fi.suoja.hardware.broker;
