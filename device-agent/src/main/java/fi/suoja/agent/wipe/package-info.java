/** The wipe engine: removes every trace of a guest from the configured guest areas and proves it. */
package fi.suoja.agent.wipe;
