package org.petitionpipeline.local.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A news site's page that embeds the demo petition, on an origin of its own (another port), so the widget runs
 * as it does on a partner's page: cross-origin, under that page's styles.
 */
final class DemoHostPage implements AutoCloseable {

    private final HttpServer server;

    private DemoHostPage(HttpServer server) {
        this.server = server;
    }

    static DemoHostPage start(String host, int port, URI intake) {
        byte[] page = page(intake);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> answer(exchange, page));
            server.start();
            return new DemoHostPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the demo page on port " + port, e);
        }
    }

    private static byte[] page(URI intake) {
        try (InputStream template = DemoHostPage.class.getResourceAsStream("/demo-host/index.html")) {
            return new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{INTAKE}}", intake.toString()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the demo page", e);
        }
    }

    private static void answer(HttpExchange exchange, byte[] page) throws IOException {
        try (exchange; OutputStream body = exchange.getResponseBody()) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            body.write(page);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "the demo page on port " + server.getAddress().getPort();
    }
}
