package fi.suoja.bench.fleet;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The few MQTT 5 packets a device agent uses, written and read by hand (OASIS MQTT 5.0, chapter 3):
 * CONNECT with a Last Will and a session expiry, CONNACK, PUBLISH at QoS 0 and 1, PUBACK,
 * SUBSCRIBE, SUBACK, PINGREQ, PINGRESP and DISCONNECT. No topic aliases (the client announces
 * none, so the broker sends none), no QoS 2, no enhanced authentication.
 */
final class Mqtt5 {

    static final int CONNECT = 1;
    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int SUBSCRIBE = 8;
    static final int SUBACK = 9;
    static final int PINGREQ = 12;
    static final int PINGRESP = 13;
    static final int DISCONNECT = 14;

    private static final int PROP_SESSION_EXPIRY = 0x11;
    private static final int PROP_SERVER_KEEP_ALIVE = 0x13;
    private static final int PROP_RECEIVE_MAXIMUM = 0x21;

    private Mqtt5() {
    }

    /** A Last Will: published by the broker when the connection ends without a DISCONNECT. */
    record Will(String topic, byte[] payload, int qos, boolean retain) {
    }

    /** What a CONNACK says. */
    record ConnAck(boolean sessionPresent, int reasonCode, int receiveMaximum, int serverKeepAlive) {
    }

    /** A received PUBLISH. */
    record Publish(String topic, byte[] payload, int qos, boolean retain, int packetId) {
    }

    static ByteBuffer connect(String clientId, boolean cleanStart, long sessionExpirySeconds, int keepAliveSeconds, Will will) {
        Out body = new Out();
        body.string("MQTT");
        body.u8(5);
        int flags = cleanStart ? 0x02 : 0;
        if (will != null) {
            flags |= 0x04 | (will.qos() << 3) | (will.retain() ? 0x20 : 0);
        }
        body.u8(flags);
        body.u16(keepAliveSeconds);
        Out props = new Out();
        if (sessionExpirySeconds > 0) {
            props.u8(PROP_SESSION_EXPIRY);
            props.u32(sessionExpirySeconds);
        }
        body.properties(props);
        body.string(clientId);
        if (will != null) {
            body.properties(new Out());
            body.string(will.topic());
            body.binary(will.payload());
        }
        return packet(CONNECT << 4, body);
    }

    static ByteBuffer publish(String topic, byte[] payload, int qos, boolean retain, int packetId) {
        Out body = new Out();
        body.string(topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        body.properties(new Out());
        body.bytes(payload);
        return packet((PUBLISH << 4) | (qos << 1) | (retain ? 1 : 0), body);
    }

    static ByteBuffer puback(int packetId) {
        Out body = new Out();
        body.u16(packetId);
        return packet(PUBACK << 4, body);
    }

    static ByteBuffer subscribe(int packetId, String filter, int qos) {
        Out body = new Out();
        body.u16(packetId);
        body.properties(new Out());
        body.string(filter);
        body.u8(qos);
        return packet((SUBSCRIBE << 4) | 0x02, body);
    }

    static ByteBuffer pingreq() {
        return ByteBuffer.wrap(new byte[] {(byte) (PINGREQ << 4), 0});
    }

    /** A normal disconnect (no Last Will); {@code endSession} also tells the broker to forget the session now. */
    static ByteBuffer disconnect(boolean endSession) {
        Out body = new Out();
        body.u8(0);
        Out props = new Out();
        if (endSession) {
            props.u8(PROP_SESSION_EXPIRY);
            props.u32(0);
        }
        body.properties(props);
        return packet(DISCONNECT << 4, body);
    }

    /**
     * The length of the packet at the start of {@code in} (header included), or -1 if its header
     * has not fully arrived. Does not move the buffer's position.
     */
    static int packetLength(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < 2) {
            return -1;
        }
        int value = 0;
        int shift = 0;
        for (int i = 1; i <= 4; i++) {
            if (in.remaining() < i + 1) {
                return -1;
            }
            int b = in.get(at + i) & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return 1 + i + value;
            }
            shift += 7;
        }
        throw new IllegalStateException("malformed remaining length");
    }

    static ConnAck connAck(ByteBuffer body) {
        boolean present = (body.get() & 1) == 1;
        int reason = body.get() & 0xFF;
        int receiveMaximum = 65_535;
        int keepAlive = -1;
        if (body.hasRemaining()) {
            int length = varInt(body);
            int end = body.position() + length;
            while (body.position() < end) {
                int id = body.get() & 0xFF;
                if (id == PROP_RECEIVE_MAXIMUM) {
                    receiveMaximum = u16(body);
                } else if (id == PROP_SERVER_KEEP_ALIVE) {
                    keepAlive = u16(body);
                } else {
                    skipProperty(id, body);
                }
            }
        }
        return new ConnAck(present, reason, receiveMaximum, keepAlive);
    }

    static Publish publish(int flags, ByteBuffer body) {
        int qos = (flags >> 1) & 3;
        String topic = string(body);
        int packetId = qos > 0 ? u16(body) : 0;
        int propsLength = varInt(body);
        body.position(body.position() + propsLength);
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        return new Publish(topic, payload, qos, (flags & 1) == 1, packetId);
    }

    /** SUBACK: the packet id and the first reason code (we subscribe one filter at a time). */
    static int[] subAck(ByteBuffer body) {
        int packetId = u16(body);
        int propsLength = varInt(body);
        body.position(body.position() + propsLength);
        return new int[] {packetId, body.get() & 0xFF};
    }

    static int u16(ByteBuffer in) {
        return ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
    }

    static int varInt(ByteBuffer in) {
        int value = 0;
        int shift = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.get() & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
        throw new IllegalStateException("malformed variable byte integer");
    }

    private static String string(ByteBuffer in) {
        int length = u16(in);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Skips one property by the type the standard gives its identifier (MQTT 5.0, 2.2.2.2). */
    private static void skipProperty(int id, ByteBuffer in) {
        switch (id) {
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> in.get();
            case 0x13, 0x21, 0x22, 0x23 -> in.position(in.position() + 2);
            case 0x02, 0x11, 0x18, 0x27 -> in.position(in.position() + 4);
            case 0x0B -> varInt(in);
            case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F -> in.position(in.position() + u16(in));
            case 0x26 -> {
                in.position(in.position() + u16(in));
                in.position(in.position() + u16(in));
            }
            default -> throw new BufferUnderflowException();
        }
    }

    private static ByteBuffer packet(int firstByte, Out body) {
        int length = body.size();
        Out all = new Out();
        all.u8(firstByte);
        all.varInt(length);
        all.write(body.array(), 0, length);
        return ByteBuffer.wrap(all.array(), 0, all.size());
    }

    /** A growable byte array with MQTT's encodings. */
    private static final class Out extends ByteArrayOutputStream {

        Out() {
            super(64);
        }

        byte[] array() {
            return buf;
        }

        void u8(int value) {
            write(value);
        }

        void u16(int value) {
            write(value >> 8);
            write(value);
        }

        void u32(long value) {
            write((int) (value >> 24));
            write((int) (value >> 16));
            write((int) (value >> 8));
            write((int) value);
        }

        void varInt(int value) {
            do {
                int b = value & 0x7F;
                value >>>= 7;
                write(value > 0 ? b | 0x80 : b);
            } while (value > 0);
        }

        void string(String text) {
            binary(text.getBytes(StandardCharsets.UTF_8));
        }

        void binary(byte[] bytes) {
            u16(bytes.length);
            write(bytes, 0, bytes.length);
        }

        void bytes(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        void properties(Out props) {
            varInt(props.size());
            write(props.array(), 0, props.size());
        }
    }
}
