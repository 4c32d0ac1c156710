/** The kiosk's receipt printer: the port, ESC/POS adapters and a simulator. */
package fi.suoja.hardware.printer;
