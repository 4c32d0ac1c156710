/** The agent's one configuration file, checked at start so that a bad one never wipes the wrong place. */
package fi.suoja.agent.config;
