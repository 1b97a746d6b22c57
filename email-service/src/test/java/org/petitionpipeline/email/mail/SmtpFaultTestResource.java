package org.petitionpipeline.email.mail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * Puts an {@link SmtpFaultProxy} between the service and the test SMTP server; its arguments are settings of the
 * service (the SMTP timeout, the claim lifetime) for the test class. Ordered after {@link SmtpTestResource}, whose
 * server it fronts and whose mailer settings it overrides.
 */
public class SmtpFaultTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmtpFaultProxy proxy;

    private Map<String, String> settings = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        settings = initArgs;
    }

    @Override
    public Map<String, String> start() {
        try {
            proxy = new SmtpFaultProxy("127.0.0.1", SmtpTestResource.received().getSmtp().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(settings);
        config.put("quarkus.mailer.port", String.valueOf(proxy.port()));
        // a connection kept alive from an earlier message would never show the greeting's loss
        config.put("quarkus.mailer.keep-alive", "false");
        return config;
    }

    static SmtpFaultProxy proxy() {
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
