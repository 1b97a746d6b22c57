package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.petitionpipeline.intake.IntakeFixtures.signature;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.testsupport.KafkaTestResource;

/**
 * With the captcha enabled, a signature needs a token the provider confirms. The provider is a stand-in
 * speaking the siteverify protocol on loopback: the real ones are third-party services on the internet.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = CaptchaTest.SiteVerifyStandIn.class, restrictToAnnotatedClass = true)
class CaptchaTest {

    /** Confirms the token "solved" and no other; answers 500 to the token "provider-down". */
    public static class SiteVerifyStandIn implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/siteverify", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean down = form.contains("response=provider-down");
                byte[] answer = ("{\"success\": " + form.contains("response=solved") + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(down ? 500 : 200, down ? -1 : answer.length);
                if (!down) {
                    exchange.getResponseBody().write(answer);
                }
                exchange.close();
            });
            server.start();
            return Map.of("intake.defence.captcha.enabled", "true",
                    "intake.defence.captcha.verify-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/siteverify",
                    "intake.defence.captcha.secret", "test-captcha-secret");
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitionIsOpen() {
        IntakeFixtures.publish(bootstrapServers, IntakeFixtures.petition("captcha-petition", PetitionStatus.OPEN));
    }

    private static String withToken(String email, String token) {
        return signature("Cap", email).replaceFirst("\\{", "{\"captcha_token\": \"" + token + "\",");
    }

    @Test
    void aConfirmedTokenSigns() {
        given().contentType("application/json").body(withToken("solved@example.org", "solved"))
                .post("/api/petitions/captcha-petition/signatures").then().statusCode(202);
    }

    @Test
    void noTokenOrAnUnconfirmedOneIsRefused() {
        given().contentType("application/json").body(signature("Cap", "none@example.org"))
                .post("/api/petitions/captcha-petition/signatures")
                .then().statusCode(422).body("errors", hasKey("captcha_token"));
        given().contentType("application/json").body(withToken("forged@example.org", "forged"))
                .post("/api/petitions/captcha-petition/signatures")
                .then().statusCode(422).body("errors", hasKey("captcha_token"));
    }

    @Test
    void aProviderThatCannotAnswerMeansRetryLaterNotRefused() {
        given().contentType("application/json").body(withToken("down@example.org", "provider-down"))
                .post("/api/petitions/captcha-petition/signatures")
                .then().statusCode(503).header("Retry-After", "5");
    }
}
