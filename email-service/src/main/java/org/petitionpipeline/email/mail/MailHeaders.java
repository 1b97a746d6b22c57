package org.petitionpipeline.email.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.i18n.InterfaceLanguages;
import org.petitionpipeline.email.i18n.Messages;
import org.petitionpipeline.email.i18n.PageLanguageFilter;
import org.petitionpipeline.email.unsubscribe.UnsubscribeTokens;

/**
 * What every kind of message carries alike: its Message-ID, a one-line subject, its language and, for subscribers,
 * unsubscribe links.
 */
@ApplicationScoped
public class MailHeaders {

    /** A subscriber's unsubscribe link, for the footer and the headers; the token alone is what the mailto sends. */
    public record UnsubscribeLink(String token, String url) {
    }

    private final UnsubscribeTokens tokens;
    private final InterfaceLanguages languages;
    private final String publicUrl;
    private final String messageIdDomain;
    private final String unsubscribeMailbox;

    public MailHeaders(UnsubscribeTokens tokens, EmailConfig config, InterfaceLanguages languages) {
        this.tokens = tokens;
        this.languages = languages;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        this.messageIdDomain = URI.create(publicUrl).getHost();
        this.unsubscribeMailbox = config.unsubscribeMailbox();
    }

    /**
     * A subscriber's link, none for anyone else: someone who never opted in (or has unsubscribed) gets no
     * campaign mail, so there is nothing to unsubscribe from.
     */
    public Optional<UnsubscribeLink> unsubscribeLinkFor(String emailHash, Optional<SubscriptionStatus> status) {
        return status.filter(SubscriptionStatus.SUBSCRIBED::equals).map(subscribed -> unsubscribeLink(emailHash));
    }

    public UnsubscribeLink unsubscribeLink(String emailHash) {
        String token = tokens.issue(emailHash);
        return new UnsubscribeLink(token, publicUrl + "/unsubscribe?token=" + token);
    }

    /**
     * The footer's unsubscribe link, which opens the page in the mail's language; the headers' stays as RFC 8058 has
     * it, for a client's one-click POST.
     */
    public String footerLink(UnsubscribeLink link, String language) {
        return withLanguage(link.url(), language);
    }

    /**
     * Every mail to a signer links to the pages where they can download and erase their data, in the mail's
     * language; and is written in that language (where the interface is: else in the default).
     */
    public TemplateInstance localized(TemplateInstance template, String language) {
        return languages.in(template, language).data("eraseUrl", link("/privacy/erase", language))
                .data("exportUrl", link("/privacy/export", language));
    }

    /**
     * An absolute link to a page of this service, as people's browsers reach it, that opens in {@code language} (a
     * mail's; null: the default).
     */
    public String link(String pathAndQuery, String language) {
        return withLanguage(publicUrl + pathAndQuery, language);
    }

    private String withLanguage(String url, String language) {
        return url + (url.contains("?") ? "&" : "?") + PageLanguageFilter.PARAMETER + "="
                + languages.supported(language);
    }

    /** The words of a mail in {@code language}, for its subject. */
    public Messages messages(String language) {
        return languages.messages(language);
    }

    /**
     * The same id for every attempt at one message: should a crash make us send it twice, mail systems that
     * deduplicate by Message-ID (many do) show it once.
     */
    public Mail identify(Mail mail, MailKind kind, String reference) {
        return mail.addHeader("Message-ID", "<" + kind.name().toLowerCase(Locale.ROOT) + "." + reference
                + "@" + messageIdDomain + ">");
    }

    /**
     * RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the first URI without a
     * browser; the mailto is for clients that only send mail. The token is base64url and a dot, so it needs no
     * escaping in either URI and cannot end the header.
     */
    public Mail listUnsubscribe(Mail mail, Optional<UnsubscribeLink> link) {
        return link.map(present -> listUnsubscribe(mail, present)).orElse(mail);
    }

    public Mail listUnsubscribe(Mail mail, UnsubscribeLink link) {
        return mail.addHeader("List-Unsubscribe", "<" + link.url() + ">, <mailto:" + unsubscribeMailbox
                        + "?subject=unsubscribe%20" + link.token() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** Who a message to a signer greets by name: nobody (null) without a given name, and the greeting fits anyone. */
    public static String greetingName(String givenName) {
        return givenName == null || givenName.isBlank() ? null : givenName;
    }

    /** A subject is a header: a line break in it would start a new header. */
    public static String singleLine(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }
}
