/** The agent's MQTT transport, kept behind a small interface. */
package fi.suoja.agent.transport;
