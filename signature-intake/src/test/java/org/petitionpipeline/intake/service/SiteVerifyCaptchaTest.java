package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The siteverify protocol against a stand-in provider on loopback. */
class SiteVerifyCaptchaTest {

    private final AtomicReference<String> answer = new AtomicReference<>("{\"success\": true}");
    private final AtomicReference<String> received = new AtomicReference<>();
    private HttpServer provider;
    private SiteVerifyCaptcha captcha;

    @BeforeEach
    void provider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/siteverify", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        captcha = new SiteVerifyCaptcha(Optional.of("http://127.0.0.1:" + provider.getAddress().getPort() + "/siteverify"),
                Optional.of("s3cret"), Duration.ofSeconds(2), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void asksTheProviderWithSecretTokenAndAddress() {
        assertThat(captcha.verify("tok en", "198.51.100.7").await().atMost(Duration.ofSeconds(5))).isTrue();
        assertThat(received.get()).contains("secret=s3cret", "response=tok+en", "remoteip=198.51.100.7");
    }

    @Test
    void aTokenTheProviderDoesNotConfirmFails() {
        answer.set("{\"success\": false, \"error-codes\": [\"invalid-input-response\"]}");

        assertThat(captcha.verify("forged", "198.51.100.7").await().atMost(Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailureNotAPass() {
        answer.set("<html>maintenance</html>");

        assertThatThrownBy(() -> captcha.verify("token", "198.51.100.7").await().atMost(Duration.ofSeconds(5)))
                .hasMessageContaining("other than JSON");
    }
}
