/** Room signs (free / busy light by the door): the port, adapters and a simulator. */
package fi.suoja.hardware.sign;
