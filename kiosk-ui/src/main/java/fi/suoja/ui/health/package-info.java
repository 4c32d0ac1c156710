/** The kiosk UI's own health answer, {@code /health}, beside the kiosk server's. */
package fi.suoja.ui.health;
