package org.petitionpipeline.email.mail;

import java.util.Optional;

/** What became of one message handed to {@link SmtpGateway}: the SMTP server took it, or why it did not. */
public record SmtpOutcome(Optional<RuntimeException> failure) {

    static final SmtpOutcome SENT = new SmtpOutcome(Optional.empty());

    static SmtpOutcome failed(RuntimeException failure) {
        return new SmtpOutcome(Optional.of(failure));
    }

    public boolean sent() {
        return failure.isEmpty();
    }
}
