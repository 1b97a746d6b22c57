package org.petitionpipeline.email.privacy;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.i18n.InterfaceLanguages;
import org.petitionpipeline.email.mail.MailAddresses;
import org.petitionpipeline.email.web.SignedLinkPage;
import org.petitionpipeline.kit.limits.TokenBuckets;

/**
 * The form of a privacy page where a person types their address to be mailed a link (erase, export). Its answer never
 * says whether we knew the address: the same page, the same headers. A link mail goes to whatever address is typed,
 * so one client address may ask only so often ({@code email.privacy-forms}); the limit is per instance.
 */
@ApplicationScoped
public class AddressForm {

    /** The problems the form shows again with, by the key its template words them by. */
    public static final String TOO_MANY = "too_many";
    public static final String NOT_AN_ADDRESS = "not_an_address";

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final TokenBuckets perClient;
    private final InterfaceLanguages languages;

    public AddressForm(EmailConfig config, InterfaceLanguages languages) {
        this.languages = languages;
        this.perClient = new TokenBuckets(config.privacyForms().burst(), config.privacyForms().perMinute(),
                MAX_TRACKED_CLIENTS, System::nanoTime);
    }

    /**
     * @param lang     the form's language ({@code lang} of its action), for the mail and the page it links to
     * @param client   the address the request came from (the forwarded one behind a trusted proxy)
     * @param form     the form again, with a problem to show ({@link #TOO_MANY} or {@link #NOT_AN_ADDRESS})
     * @param sent     the page that says to check the mailbox
     * @param mailLink queues the link for a canonical address, in a language
     */
    public Response ask(String email, String lang, String client, HttpHeaders request,
            Function<String, TemplateInstance> form, Supplier<TemplateInstance> sent,
            BiConsumer<String, String> mailLink) {
        long wait = perClient.take(client);
        if (wait > 0) {
            return SignedLinkPage.tooManyRequests(request, form.apply(TOO_MANY),
                    "too many requests for a link from this address", wait);
        }
        Optional<String> address = MailAddresses.deliverable(email);
        if (address.isEmpty()) {
            return SignedLinkPage.badInput(request, form.apply(NOT_AN_ADDRESS),
                    "email: give the address you signed with, e.g. jane@example.org");
        }
        mailLink.accept(address.get(), languages.negotiate(lang, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        return SignedLinkPage.withPageHeaders(Response.ok(sent.get(), MediaType.TEXT_HTML_TYPE)).build();
    }
}
