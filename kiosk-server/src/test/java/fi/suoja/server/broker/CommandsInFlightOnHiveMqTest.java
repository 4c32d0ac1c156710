package fi.suoja.server.broker;

import fi.suoja.server.TestBroker;

/** Over the HiveMQ CE broker the server embeds, which allows topic aliases (five per client). */
class CommandsInFlightOnHiveMqTest extends CommandsInFlightScenarios {

    @Override
    String brokerUrl() {
        return TestBroker.url();
    }
}
