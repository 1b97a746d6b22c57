package org.petitionpipeline.intake.service;

import io.smallrye.mutiny.Uni;

/**
 * Checks the token a captcha widget gave the signer. Replace the default (the siteverify protocol of
 * hCaptcha, Turnstile and reCAPTCHA) by declaring another bean of this type.
 */
public interface CaptchaVerifier {

    /** True when the provider confirms the token was solved by a person, for this client address. */
    Uni<Boolean> verify(String token, String clientIp);
}
