package org.petitionpipeline.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Bot and abuse defence of the signing endpoint; every refusal is counted by reason in the metrics. */
@ConfigMapping(prefix = "intake.defence")
public interface AbuseDefenceConfig {

    /**
     * Proxies (CIDRs such as {@code 10.0.0.0/8}) whose {@code X-Forwarded-For} is believed. Empty: the direct
     * peer is the client, whatever the header says, since anyone can write that header.
     */
    Optional<List<String>> trustedProxies();

    /** A person needs a few seconds to fill in a form; a script posting sooner than this is refused. */
    @WithDefault("2s")
    Duration minFillTime();

    /** Whether a signature must say when its form was rendered ({@code form_rendered_at}). */
    @WithDefault("false")
    boolean renderTimeRequired();

    RateLimit perIp();

    RateLimit perEmail();

    Captcha captcha();

    /** A token bucket: {@code burst} requests at once, refilled at {@code perMinute}. */
    interface RateLimit {

        int burst();

        int perMinute();
    }

    interface Captcha {

        /** Off by default: most petitions never see a bot wave, and a captcha costs real signers. */
        @WithDefault("false")
        boolean enabled();

        /** A siteverify endpoint: hCaptcha, Cloudflare Turnstile and reCAPTCHA all speak the same protocol. */
        Optional<String> verifyUrl();

        Optional<String> secret();

        @WithDefault("3s")
        Duration timeout();
    }
}
