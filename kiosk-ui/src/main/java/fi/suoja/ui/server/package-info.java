/** The HTTP client of kiosk-server's API; the UI's only way to the server. */
package fi.suoja.ui.server;
