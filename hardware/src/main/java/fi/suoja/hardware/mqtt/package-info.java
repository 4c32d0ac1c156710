/** The MQTT contract between kiosk-server and device agents: topics, messages, command signing. */
package fi.suoja.hardware.mqtt;
