/** The device agent: one loop that never dies, turning signed commands into guest sessions and proven wipes. */
package fi.suoja.agent;
