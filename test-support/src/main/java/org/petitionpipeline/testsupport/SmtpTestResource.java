package org.petitionpipeline.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for a {@code @QuarkusTest}: the service sends over a socket, and the test
 * reads what arrived through {@link #received()}, as an inbox would. Its IMAP server is there for a service that
 * reads a mailbox.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        server.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.mock", "false");
    }

    /** The running server, to read received mail from. */
    public static GreenMail received() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
