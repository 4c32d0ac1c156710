package fi.suoja.server.throttle;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class GuessingOnH2Test extends GuessingScenarios {
}
