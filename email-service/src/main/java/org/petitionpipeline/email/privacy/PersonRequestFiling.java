package org.petitionpipeline.email.privacy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.email.mail.MailAddresses;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.input.SafeText;

/**
 * Ops file a request (an erasure, an export) for a person who asked another way than the link: their address, how
 * they asked, who files it and, optionally, a reference such as a ticket number (never the person's data).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonRequestFiling(String email, RequestChannel channel, String filedBy, String reference) {

    private static final int MAX_TEXT = 200;

    /** The canonical address, or a 422 naming each field that is wrong; nothing is recorded then. */
    public static String checked(PersonRequestFiling filing) {
        if (filing == null) {
            throw ProblemException.unprocessable("send a JSON object with email, channel and filed_by", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> address = MailAddresses.deliverable(filing.email());
        if (address.isEmpty()) {
            errors.put("email", "required: the address the person signed with");
        }
        if (filing.channel() == null || filing.channel() == RequestChannel.SIGNER) {
            errors.put("channel", "required: how the person asked: LETTER, PHONE, EMAIL, IN_PERSON or OTHER");
        }
        if (!isShortText(filing.filedBy()) || filing.filedBy().isBlank()) {
            errors.put("filed_by", "required: who files this request, at most " + MAX_TEXT + " characters on one line");
        }
        if (filing.reference() != null && !isShortText(filing.reference())) {
            errors.put("reference", "at most " + MAX_TEXT + " characters on one line, e.g. a ticket number");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the request has " + errors.size() + " invalid field(s)", errors);
        }
        return address.get();
    }

    /** Who filed it, without the spaces around. */
    public String filer() {
        return filedBy.strip();
    }

    /** The reference without the spaces around, or null when there is none. */
    public String trimmedReference() {
        return Optional.ofNullable(reference).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
    }

    private static boolean isShortText(String text) {
        return text != null && text.length() <= MAX_TEXT && SafeText.isSafe(text);
    }
}
