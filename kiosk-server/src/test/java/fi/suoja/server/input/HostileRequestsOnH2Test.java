package fi.suoja.server.input;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class HostileRequestsOnH2Test extends HostileRequestsScenarios {

    @Override
    int valuesPerField() {
        return Integer.MAX_VALUE;
    }
}
