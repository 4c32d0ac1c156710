/**
 * Suoja's hardware: one feature package per kind of thing ({@code door}, {@code sign},
 * {@code printer}, {@code card}), each with a port interface, adapters for real devices and a
 * simulator; {@code broker} is the MQTT client the adapters share, {@code mqtt} the contract with
 * the device agents. This module depends on no other module of Suoja and uses no framework:
 * everything is built with plain constructors.
 */
package fi.suoja.hardware;
