package org.petitionpipeline.intake.rest;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The fields of the plain HTML signing form (the embed without JavaScript). Read field by field rather than as
 * a map: Quarkus REST's map reader fails with a 500 on bodies such as {@code &&=&}.
 */
public class SignatureForm {

    @RestForm("given_name")
    public String givenName;

    @RestForm("family_name")
    public String familyName;

    @RestForm
    public String email;

    @RestForm("postal_code")
    public String postalCode;

    @RestForm
    public String country;

    @RestForm
    public String comments;

    /** A checkbox: present (any of on, true, yes, 1) means the signer opted in. */
    @RestForm("email_updates")
    public String emailUpdates;

    @RestForm("consent_text_version")
    public String consentTextVersion;

    /** The language the form was shown in: in its action's query, so a problem page can answer in it too. */
    @RestQuery("lang")
    public String language;

    @RestForm("referrer_source")
    public String referrerSource;

    @RestForm("referrer_website")
    public String referrerWebsite;

    @RestForm("referrer_url")
    public String referrerUrl;

    /** The honeypot: hidden from people, so it stays empty unless a script fills every field. */
    @RestForm
    public String homepage;

    @RestForm("form_rendered_at")
    public String formRenderedAt;

    @RestForm("idempotency_key")
    public String idempotencyKey;

    @RestForm("captcha_token")
    public String captchaToken;
}
