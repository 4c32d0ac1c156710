package fi.suoja.server.booking;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/** Where new booking codes come from: {@link BookingCode#random} from a {@link SecureRandom}. */
@Singleton
class BookingCodes {

    private final SecureRandom random = new SecureRandom();

    BookingCode next() {
        return BookingCode.random(random);
    }
}
