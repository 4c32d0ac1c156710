/** The staff desk at {@code /staff}. */
package fi.suoja.ui.staff;
