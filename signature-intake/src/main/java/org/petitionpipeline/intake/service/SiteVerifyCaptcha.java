package org.petitionpipeline.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.petitionpipeline.intake.config.AbuseDefenceConfig;

/**
 * The siteverify protocol shared by hCaptcha, Cloudflare Turnstile and Google reCAPTCHA: POST the secret,
 * the token and the client's address as a form, read {@code success} from the JSON answer.
 */
@DefaultBean
@ApplicationScoped
public class SiteVerifyCaptcha implements CaptchaVerifier {

    private final Optional<String> verifyUrl;
    private final Optional<String> secret;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public SiteVerifyCaptcha(AbuseDefenceConfig config, ObjectMapper json) {
        this(config.captcha().verifyUrl(), config.captcha().secret(), config.captcha().timeout(), json);
    }

    SiteVerifyCaptcha(Optional<String> verifyUrl, Optional<String> secret, Duration timeout, ObjectMapper json) {
        this.verifyUrl = verifyUrl;
        this.secret = secret;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Uni<Boolean> verify(String token, String clientIp) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(verifyUrl.orElseThrow(() -> new IllegalStateException(
                        "intake.defence.captcha.verify-url is required when the captcha is enabled"))))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "secret", secret.orElseThrow(() -> new IllegalStateException(
                                "intake.defence.captcha.secret is required when the captcha is enabled")),
                        "response", token, "remoteip", clientIp))))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the captcha provider answered " + response.statusCode());
                    }
                    return successOf(response.body());
                });
    }

    private boolean successOf(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer.path("success").asBoolean(false);
        } catch (IOException e) {
            throw new UncheckedIOException("the captcha provider answered something other than JSON", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
