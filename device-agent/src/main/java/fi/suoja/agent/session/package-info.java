/** Guest sessions on the loan device: start, warn, end; per operating system. */
package fi.suoja.agent.session;
