package org.petitionpipeline.email.unsubscribe;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.web.PersonTokens;

/**
 * Unsubscribe tokens. A token stops working after {@code email.unsubscribe-token-lifetime} (long: mail clients send
 * RFC 8058 one-click requests from old messages, and CAN-SPAM wants a link to work for at least 30 days after
 * sending). A singleton, without a client proxy: {@link PersonTokens} holds its state from its constructor.
 */
@Startup
@Singleton
public class UnsubscribeTokens extends PersonTokens {

    public UnsubscribeTokens(EmailConfig config) {
        super(config.tokenKey(), "unsubscribe", config.unsubscribeTokenLifetime());
    }
}
