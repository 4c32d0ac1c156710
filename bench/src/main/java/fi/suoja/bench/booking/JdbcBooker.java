package fi.suoja.bench.booking;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The baseline: the rows the server writes for a booking (see kiosk-server's
 * {@code V2__create_bookings.sql} and {@code SlotClaim}), inserted with plain JDBC — the booking row
 * with the same values, then one {@code room_slot_claim} row per grain of its time and buffer, in
 * one transaction on a connection of this client's own. No rule checks, no code lookups, no HTTP.
 */
final class JdbcBooker implements Booker {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private final Connection connection;
    private final PreparedStatement booking;
    private final PreparedStatement claim;
    private final long kioskId;
    private final boolean returning;
    private final SecureRandom random = new SecureRandom();

    JdbcBooker(Connection connection, long kioskId) throws Exception {
        this.connection = connection;
        this.kioskId = kioskId;
        connection.setAutoCommit(false);
        String insert = "INSERT INTO booking (room_id, code, door_code, door_code_from, starts_at,"
                + " ends_at, status, kiosk_id, created_at, anonymised, language)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, FALSE, 'fi')";
        // H2 has no INSERT … RETURNING: the generated key is asked for through JDBC there
        returning = !"H2".equals(connection.getMetaData().getDatabaseProductName());
        booking = returning ? connection.prepareStatement(insert + " RETURNING id")
                : connection.prepareStatement(insert, new String[] {"id"});
        claim = connection.prepareStatement("INSERT INTO room_slot_claim (room_id, slot_minute, booking_id) VALUES (?, ?, ?)");
    }

    @Override
    public void book(long roomId, Instant start) throws Exception {
        Instant end = start.plusSeconds(Slots.MINUTES * 60L);
        try {
            booking.setLong(1, roomId);
            booking.setString(2, code());
            booking.setString(3, String.format("%06d", random.nextInt(1_000_000)));
            booking.setObject(4, utc(start.minusSeconds(Slots.DOOR_CODE_LEAD_MINUTES * 60L)));
            booking.setObject(5, utc(start));
            booking.setObject(6, utc(end));
            booking.setLong(7, kioskId);
            booking.setObject(8, utc(Instant.now()));
            long id;
            if (returning) {
                try (ResultSet made = booking.executeQuery()) {
                    made.next();
                    id = made.getLong(1);
                }
            } else {
                booking.executeUpdate();
                try (ResultSet made = booking.getGeneratedKeys()) {
                    made.next();
                    id = made.getLong(1);
                }
            }
            long firstGrain = start.getEpochSecond() / 60;
            for (int g = 0; g < Slots.GRAINS; g++) {
                claim.setLong(1, roomId);
                claim.setLong(2, firstGrain + 5L * g);
                claim.setLong(3, id);
                claim.addBatch();
            }
            claim.executeBatch();
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        }
    }

    private String code() {
        char[] code = new char[9];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
