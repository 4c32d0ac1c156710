/**
 * The UI server as a security review sees it, whatever starts it (UiMain, the browser tests):
 * the headers of every response, the session cookie, no version banner. See docs/operations.md.
 */
package fi.suoja.ui.web;
