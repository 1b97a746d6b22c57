package org.petitionpipeline.testsupport.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on a loopback port, as an organization's CRM would run one: it keeps every request and checks
 * its signature the way the Standard Webhooks convention tells receivers to, with code of its own (a receiver must
 * not trust the sender's signing code to check the sender). reporting's webhook tests and the webhook benchmark use it.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the receiver answers a request: the status, after whatever waiting it does. */
    @FunctionalInterface
    public interface Answer {
        int statusFor(Received request) throws Exception;
    }

    /** One request as it arrived: its Host, the Standard Webhooks headers, the raw body, and when it was read. */
    public record Received(String host, String id, String timestamp, String signature, byte[] body,
            Instant receivedAt) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The events it carried: the one object, or each element of a batch's array. */
        public List<JsonNode> events() {
            JsonNode json = json();
            return json.isArray() ? StreamSupport.stream(json.spliterator(), false).toList() : List.of(json);
        }

        public String signatureId() {
            return json().at("/data/identifiers/0").asText().replace("petition-pipeline:", "");
        }

        public String type() {
            return json().get("type").asText();
        }

        /** Whether one of the {@code v1} signatures is the HMAC of {@code id.timestamp.body} with the secret. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                return Arrays.stream(signature.split(" ")).filter(entry -> entry.startsWith("v1,"))
                        .map(entry -> Base64.getDecoder().decode(entry.substring(3)))
                        .anyMatch(candidate -> MessageDigest.isEqual(expected, candidate));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/hooks", exchange -> answer(exchange, answer));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Received request = new Received(exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body.readAllBytes(), Instant.now());
            received.add(request);
            int status;
            try {
                status = answer.statusFor(request);
            } catch (Exception e) {
                status = 500;
            }
            if (status == 204) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] reply = ("{\"seen\":\"" + request.id() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
        } catch (IOException clientGaveUp) {
            // the sender's timeout closed the connection: it counts the attempt as failed, as it should
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
