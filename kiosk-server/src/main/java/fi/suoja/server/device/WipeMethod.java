package fi.suoja.server.device;

/** How a wipe is done: by the agent on the device, or by staff checking a device that has no agent. */
enum WipeMethod {
    AGENT, STAFF_CHECK
}
