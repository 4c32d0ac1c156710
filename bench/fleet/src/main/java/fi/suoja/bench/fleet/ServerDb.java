package fi.suoja.bench.fleet;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the server's own records of the devices from its PostgreSQL schema: what the server
 * believes (last seen, state), without asking the server and so without adding to its load.
 */
final class ServerDb implements AutoCloseable {

    private final Connection connection;

    ServerDb(String url, String user) throws SQLException {
        connection = DriverManager.getConnection(url, user, "");
        connection.setAutoCommit(true);
    }

    /**
     * What the server last heard of each device: seconds since then (by the database's clock now;
     * infinite if never) and the instant itself, as epoch seconds, to tell updates between samples.
     */
    record LastSeen(List<Double> ages, Map<String, Double> at) {
    }

    LastSeen lastSeen(List<String> ids) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("""
                SELECT id, EXTRACT(EPOCH FROM (clock_timestamp() - last_seen_at)), EXTRACT(EPOCH FROM last_seen_at)
                FROM device WHERE id = ANY (?)""")) {
            Array array = connection.createArrayOf("varchar", ids.toArray());
            q.setArray(1, array);
            List<Double> ages = new ArrayList<>(ids.size());
            Map<String, Double> at = new java.util.HashMap<>(ids.size() * 2);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    double age = rows.getDouble(2);
                    ages.add(rows.wasNull() ? Double.POSITIVE_INFINITY : age);
                    double when = rows.getDouble(3);
                    if (!rows.wasNull()) {
                        at.put(rows.getString(1), when);
                    }
                }
            }
            return new LastSeen(ages, at);
        }
    }

    /** How many of these devices are in each lifecycle state. */
    Map<String, Integer> states(List<String> ids) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT state, COUNT(*) FROM device WHERE id = ANY (?) GROUP BY state ORDER BY state")) {
            q.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            Map<String, Integer> states = new LinkedHashMap<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getInt(2));
                }
            }
            return states;
        }
    }

    /** Process ids of the PostgreSQL backends whose clients named themselves {@code application} (the server's pool). */
    List<Long> backendPids(String application) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            q.setString(1, application);
            List<Long> pids = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
            return pids;
        }
    }

    /** How many of these devices the server has marked online (it has processed a status of their connection). */
    int countOnline(List<String> ids) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM device WHERE online AND id = ANY (?)")) {
            q.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    int countInState(List<String> ids, String state) throws SQLException {
        return states(ids).getOrDefault(state, 0);
    }

    /** Verified wipe reports the server keeps for these devices. */
    int verifiedWipeReports(List<String> ids) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT COUNT(*) FROM wipe_report WHERE verified AND device_id = ANY (?)")) {
            q.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * Registers laptops straight in the database, for fleets too large to register through the API
     * within a benchmark run, with the server's own key handling (kiosk-server's
     * {@code DeviceKeys.seal}): a random 32-byte signing key, sealed with AES-256-GCM under the
     * server's {@code device-key-wrap} secret with the device id as associated data, stored as
     * Base64 of iv || ciphertext+tag; a broker password stored as a Mosquitto {@code $7$} hash. The
     * rows start READY with no open wipe job, as laptops whose first wipe was verified. Each agent's
     * configuration is the API-registered {@code template}'s with its own id, key and password.
     * The server must have registered one laptop through the API first (that makes the secret).
     */
    List<ServerApi.Registered> insertReadyLaptops(String template, long siteId, int firstIndex, int count)
            throws SQLException {
        byte[] wrap;
        try (PreparedStatement q = connection.prepareStatement("SELECT secret FROM server_secret WHERE name = ?")) {
            q.setString(1, "device-key-wrap");
            try (ResultSet rows = q.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the server has no device-key-wrap secret yet");
                }
                wrap = Base64.getDecoder().decode(rows.getString(1));
            }
        }
        Properties base = new Properties();
        try {
            base.load(new StringReader(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecureRandom random = new SecureRandom();
        Timestamp now = Timestamp.from(Instant.now());
        List<ServerApi.Registered> made = new ArrayList<>(count);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO device (id, tag, kind, site_id, state, state_reason, state_changed_at, key_cipher,
                                    broker_username, broker_password_hash, online, session_counter, created_at)
                VALUES (?, ?, 'LAPTOP', ?, 'READY', ?, ?, ?, ?, ?, FALSE, 0, ?)""")) {
            for (int i = 0; i < count; i++) {
                String id = "lap-" + randomText(random, 12);
                String tag = String.format(java.util.Locale.ROOT, "fb-%05d", firstIndex + i);
                byte[] keyBytes = new byte[32];
                random.nextBytes(keyBytes);
                String key = Base64.getEncoder().encodeToString(keyBytes);
                String password = randomText(random, 32);
                insert.setString(1, id);
                insert.setString(2, tag);
                insert.setLong(3, siteId);
                insert.setString(4, "Inserted by the fleet benchmark as wiped and verified.");
                insert.setTimestamp(5, now);
                insert.setString(6, seal(wrap, id, key, random));
                insert.setString(7, id);
                insert.setString(8, mosquittoHash(password, random));
                insert.setTimestamp(9, now);
                insert.addBatch();
                Properties config = new Properties();
                config.putAll(base);
                config.setProperty("device.id", id);
                config.setProperty("device.key", key);
                config.setProperty("broker.username", id);
                config.setProperty("broker.password", password);
                StringBuilder text = new StringBuilder();
                config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
                made.add(new ServerApi.Registered(id, text.toString()));
                if (i % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return made;
    }

    private static String seal(byte[] wrap, String deviceId, String keyBase64, SecureRandom random) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrap, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(deviceId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(keyBase64.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mosquittoHash(String password, SecureRandom random) {
        try {
            byte[] salt = new byte[12];
            random.nextBytes(salt);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 512)).getEncoded();
            return "$7$1000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomText(SecureRandom random, int length) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
