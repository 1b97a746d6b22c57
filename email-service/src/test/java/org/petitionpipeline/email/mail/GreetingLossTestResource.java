package org.petitionpipeline.email.mail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * Puts a {@link GreetingLossProxy} between the service and the test SMTP server, with a short SMTP timeout. Ordered
 * after {@link SmtpTestResource}, whose server it fronts and whose mailer settings it overrides.
 */
public class GreetingLossTestResource implements QuarkusTestResourceLifecycleManager {

    static final String SMTP_TIMEOUT = "2s";

    private static volatile GreetingLossProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new GreetingLossProxy("127.0.0.1", SmtpTestResource.received().getSmtp().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a connection kept alive from an earlier message would never show the greeting's loss
        return Map.of("quarkus.mailer.port", String.valueOf(proxy.port()), "quarkus.mailer.keep-alive", "false",
                "email.smtp-timeout", SMTP_TIMEOUT);
    }

    static GreetingLossProxy proxy() {
        return proxy;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
