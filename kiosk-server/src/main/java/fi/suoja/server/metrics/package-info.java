/**
 * What library IT watches: Prometheus series at {@code /prometheus} (bookings, devices, wipes, the
 * broker link, help calls, door tasks) behind a bearer token of its own, and the broker link in
 * {@code /health}. Reads the other features' tables and events; no feature knows it.
 */
package fi.suoja.server.metrics;
