/** The citizen kiosk at {@code /}. */
package fi.suoja.ui.kiosk;
