/** What the agent must remember across power cuts: the dirty flag, the wipe job under way, done commands. */
package fi.suoja.agent.state;
