/** Library card readers: keyboard-style and serial readers, and a simulator. */
package fi.suoja.hardware.card;
