package org.petitionpipeline.email.unsubscribe;

import java.util.HashMap;
import java.util.Map;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** The test SMTP server, plus an IMAP account for the unsubscribe mailbox that the service reads every second. */
public class UnsubscribeMailboxTestResource extends SmtpTestResource {

    static final String MAILBOX = "unsubscribe@petitions.localhost";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        received().setUser(MAILBOX, "unsubscribe", "test-imap-password");
        config.put("email.unsubscribe-mailbox", MAILBOX);
        config.put("email.unsubscribe-imap.host", "127.0.0.1");
        config.put("email.unsubscribe-imap.port", String.valueOf(received().getImap().getPort()));
        config.put("email.unsubscribe-imap.user", "unsubscribe");
        config.put("email.unsubscribe-imap.password", "test-imap-password");
        config.put("email.unsubscribe-imap.ssl", "false");
        config.put("email.unsubscribe-imap.interval", "1s");
        return config;
    }
}
