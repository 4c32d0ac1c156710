package fi.suoja.ui.server;

/** The Mosquitto password file (hashes only) and ACL file of the whole fleet. */
@ApiSchema("Views.BrokerFilesView")
public record BrokerFiles(String passwordFile, String aclFile) {
}
