/** Door locks: the port, adapters for real locks and a simulator. */
package fi.suoja.hardware.door;
