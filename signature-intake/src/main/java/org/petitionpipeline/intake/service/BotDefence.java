package org.petitionpipeline.intake.service;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.petitionpipeline.intake.config.AbuseDefenceConfig;
import org.petitionpipeline.intake.rest.SignatureRequest;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Cheap signs of a script, checked before anything is published: the honeypot field people never see but
 * form-filling bots fill, a form submitted faster than anyone can type, and (when enabled) a captcha.
 * Refusals are 422 problems that say what to do, since a real signer may trip them too.
 */
@Startup
@ApplicationScoped
public class BotDefence {

    /** Rendered times further in the future than this are clock skew no device has: a forged value. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final int CAPTCHA_RETRY_SECONDS = 5;

    private final AbuseDefenceConfig config;
    private final CaptchaVerifier captcha;
    private final IntakeMetrics metrics;

    public BotDefence(AbuseDefenceConfig config, CaptchaVerifier captcha, IntakeMetrics metrics) {
        if (config.captcha().enabled() && (config.captcha().verifyUrl().isEmpty() || config.captcha().secret().isEmpty())) {
            throw new IllegalStateException("intake.defence.captcha.enabled needs intake.defence.captcha.verify-url "
                    + "and intake.defence.captcha.secret");
        }
        this.config = config;
        this.captcha = captcha;
        this.metrics = metrics;
    }

    /** The checks that need no one else: honeypot and fill time. */
    public void checkForm(SignatureRequest request, Instant now) {
        if (request.homepage() != null && !request.homepage().isEmpty()) {
            // no field named: the answer must not tell a script which field is the trap
            metrics.refused(Refusal.HONEYPOT);
            throw ProblemException.unprocessable("the signature looks automated and was not accepted", Map.of());
        }
        Instant renderedAt = request.formRenderedAt();
        if (renderedAt == null) {
            if (config.renderTimeRequired()) {
                refuse(Refusal.FILLED_TOO_FAST, "form_rendered_at", "required: reload the form and sign again");
            }
            return;
        }
        if (renderedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            refuse(Refusal.FILLED_TOO_FAST, "form_rendered_at", "a time in the future; reload the form and sign again");
        }
        // the render time is the signer's clock: slightly ahead of ours, it says nothing about the fill time
        if (!renderedAt.isAfter(now) && renderedAt.plus(config.minFillTime()).isAfter(now)) {
            refuse(Refusal.FILLED_TOO_FAST, "form_rendered_at",
                    "that was quicker than anyone can fill in the form; please check your details and sign again");
        }
    }

    /** The captcha check when enabled; it asks the provider, so it is asynchronous. */
    public Uni<Void> checkCaptcha(String token, String clientIp) {
        if (!config.captcha().enabled()) {
            return Uni.createFrom().voidItem();
        }
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(() -> refusal(Refusal.CAPTCHA_FAILED, "captcha_token",
                    "required: complete the captcha"));
        }
        return Uni.createFrom().deferred(() -> captcha.verify(token, clientIp))
                .onFailure().transform(providerDown -> ProblemException.unavailable(
                        "we could not check the captcha just now; please try again in a moment", CAPTCHA_RETRY_SECONDS))
                .invoke(passed -> {
                    if (!passed) {
                        throw refusal(Refusal.CAPTCHA_FAILED, "captcha_token",
                                "the captcha was not confirmed; please try it again");
                    }
                })
                .replaceWithVoid();
    }

    private void refuse(Refusal reason, String field, String message) {
        throw refusal(reason, field, message);
    }

    private ProblemException refusal(Refusal reason, String field, String message) {
        metrics.refused(reason);
        return ProblemException.unprocessable("the signature was not accepted", Map.of(field, message));
    }
}
