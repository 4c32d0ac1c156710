package fi.suoja.server.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class NowOnH2Test extends NowScenarios {
}
