package org.petitionpipeline.email.unsubscribe;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token of a mailto unsubscribe request: from its subject, {@code unsubscribe <token>} as our
 * List-Unsubscribe header asks, or else from the first line of its text, for clients that drop the subject.
 */
final class UnsubscribeRequest {

    private static final Pattern SUBJECT = Pattern.compile("\\s*unsubscribe\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_LINE = Pattern.compile("\\s*(?:unsubscribe\\s+)?(\\S+)\\s*",
            Pattern.CASE_INSENSITIVE);

    private UnsubscribeRequest() {
    }

    static Optional<String> tokenOf(Message message) throws MessagingException, IOException {
        Optional<String> fromSubject = match(SUBJECT, message.getSubject());
        return fromSubject.isPresent() ? fromSubject : textOf(message).flatMap(text -> match(FIRST_LINE, firstLine(text)));
    }

    private static Optional<String> match(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** The first text/plain part, however deep in multiparts. */
    private static Optional<String> textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                Optional<String> text = textOf(child);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}
