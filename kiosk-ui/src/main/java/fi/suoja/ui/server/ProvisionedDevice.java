package fi.suoja.ui.server;

import java.util.List;

/**
 * A device just registered, with what the server shows only this once: the agent's configuration
 * file (null for a device without an agent), its Mosquitto password line and ACL lines.
 */
@ApiSchema("Views.Provisioned")
public record ProvisionedDevice(Device device, String agentConfig, String mosquittoPasswordLine, List<String> mosquittoAcl) {
}
