package org.petitionpipeline.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.petitionpipeline.intake.config.AbuseDefenceConfig;

/**
 * The siteverify protocol shared by hCaptcha, Cloudflare Turnstile and Google reCAPTCHA: POST the secret,
 * the token and the client's address as a form, read {@code success} from the JSON answer.
 */
@DefaultBean
@ApplicationScoped
public class SiteVerifyCaptcha implements CaptchaVerifier {

    private final HttpClient http;
    private final ObjectMapper json;
    private final AbuseDefenceConfig.Captcha config;

    public SiteVerifyCaptcha(AbuseDefenceConfig config, ObjectMapper json) {
        this.config = config.captcha();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public Uni<Boolean> verify(String token, String clientIp) {
        String verifyUrl = config.verifyUrl().orElseThrow(() -> new IllegalStateException(
                "intake.defence.captcha.verify-url is required when the captcha is enabled"));
        String secret = config.secret().orElseThrow(() -> new IllegalStateException(
                "intake.defence.captcha.secret is required when the captcha is enabled"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(verifyUrl))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "secret", secret, "response", token, "remoteip", clientIp))))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> response.statusCode() == 200 && successOf(response.body()));
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
