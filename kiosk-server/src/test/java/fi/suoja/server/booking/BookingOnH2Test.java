package fi.suoja.server.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class BookingOnH2Test extends BookingScenarios {
}
