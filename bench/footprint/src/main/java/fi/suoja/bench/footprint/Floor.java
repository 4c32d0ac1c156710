package fi.suoja.bench.footprint;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JVM floor that Suoja's start and memory are compared with: the smallest Java programs that do
 * what the measurement waits for. {@code exit}: print a line and end (the JVM's own start and exit).
 * {@code serve PORT}: the JDK's built-in HTTP server answering {@code /health} 200, so that it is
 * measured exactly as kiosk-server is (time to the first 200, RSS and heap while it waits).
 * Run from a directory holding only this class, so the class path adds nothing.
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("exit")) {
            System.out.println("hello");
            return;
        }
        if (args.length != 2 || !args[0].equals("serve")) {
            System.err.println("usage: Floor exit | Floor serve PORT");
            System.exit(2);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
