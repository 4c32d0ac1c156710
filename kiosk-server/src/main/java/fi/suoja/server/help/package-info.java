/** Help calls: a citizen at a kiosk asks for staff; the staff desk sees, acknowledges and resolves the call. */
package fi.suoja.server.help;
