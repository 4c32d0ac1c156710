/**
 * Live changes for the staff desk and the kiosks: what a feature committed, streamed as
 * server-sent events. Knows no feature; the device board and help calls use it.
 */
package fi.suoja.server.live;
