package fi.suoja.bench.booking;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * The same request as {@link ApiBooker}, written on a blocking socket of this client's own
 * (HTTP/1.1, kept alive) and its answer read on the calling thread, as the bare inserts' JDBC driver
 * does. {@code java.net.http} hands every exchange to its selector thread and back, which on two
 * cores costs the machine about 1 ms of CPU a booking that then is not the server's; this client
 * costs a few microseconds, so what the table shows is the server's and PostgreSQL's work.
 */
final class SocketBooker implements Booker {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final String kioskToken;

    SocketBooker(URI server, String kioskToken) throws IOException {
        this.host = server.getHost() + ":" + server.getPort();
        this.kioskToken = kioskToken;
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
        socket.setSoTimeout(60_000);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    @Override
    public void book(long roomId, Instant start) throws Exception {
        byte[] body = ("{\"roomId\":" + roomId + ",\"start\":\"" + start + "\",\"minutes\":" + Slots.MINUTES
                + ",\"language\":\"fi\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/bookings HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Authorization: Bearer " + kioskToken + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        out.write(request);
        out.flush();
        Answer answer = readAnswer();
        if (answer.status != 201) {
            throw new IllegalStateException("booking room " + roomId + " at " + start + " answered "
                    + answer.status + ": " + answer.body);
        }
    }

    private record Answer(int status, String body) {
    }

    /** One answer: its status line, its headers, and a body of Content-Length or in chunks. */
    private Answer readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        int length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers carry nothing this client needs
            }
        } else if (length >= 0) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            body.write(bytes);
        } else {
            throw new IOException("an answer with neither Content-Length nor chunks: " + statusLine);
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
