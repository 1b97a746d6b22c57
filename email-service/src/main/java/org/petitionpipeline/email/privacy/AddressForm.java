package org.petitionpipeline.email.privacy;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.petitionpipeline.email.mail.MailAddresses;
import org.petitionpipeline.email.web.SignedLinkPage;

/**
 * The form of a privacy page where a person types their address to be mailed a link (erase, export). Its answer never
 * says whether we knew the address: the same page, the same headers.
 */
public final class AddressForm {

    private AddressForm() {
    }

    /**
     * @param form the form again, with a problem to show
     * @param sent the page that says to check the mailbox
     * @param mailLink queues the link for a canonical address
     */
    public static Response ask(String email, HttpHeaders request, Function<String, TemplateInstance> form,
            Supplier<TemplateInstance> sent, Consumer<String> mailLink) {
        Optional<String> address = MailAddresses.deliverable(email);
        if (address.isEmpty()) {
            return SignedLinkPage.badInput(request, form.apply("That is not an email address we can write to."),
                    "email: give the address you signed with, e.g. jane@example.org");
        }
        mailLink.accept(address.get());
        return SignedLinkPage.withPageHeaders(Response.ok(sent.get(), MediaType.TEXT_HTML_TYPE)).build();
    }
}
