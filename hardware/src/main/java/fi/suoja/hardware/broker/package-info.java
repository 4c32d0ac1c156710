/**
 * MQTT for every part of Suoja, in one place: {@link fi.suoja.hardware.broker.PersistentSessionClient}
 * (a new Paho client per connection, subscriptions made again, unacknowledged publishes sent again by
 * their full topic names) under the agent's transport, the server's link and the door adapters'
 * {@link fi.suoja.hardware.broker.PahoBrokerConnection}; {@link fi.suoja.hardware.broker.Reconnector}
 * and {@link fi.suoja.hardware.broker.Backoff} for trying again; and
 * {@link fi.suoja.hardware.broker.BrokerConnection}, the small seam the adapters are tested through
 * without a broker.
 */
package fi.suoja.hardware.broker;
