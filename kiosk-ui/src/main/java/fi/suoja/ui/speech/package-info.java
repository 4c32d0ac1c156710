/**
 * Speech for the kiosk's "Listen" control: a clip per text, from the library's own recordings
 * where there is one, else synthesized by eSpeak NG, cached in memory. Knows nothing of screens.
 */
package fi.suoja.ui.speech;
