package org.petitionpipeline.email.mail;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;

/**
 * The one Vert.x event loop every SMTP conversation of this instance is started on, whichever thread asks for it.
 * <p>
 * The mail client's connection pool (vertx-mail-client 4.5.26, {@code SMTPEndPoint.connect}) opens a new socket on
 * the event loop of whichever thread runs the pool's queued work, not on the event loop of the sender the socket is
 * for: with senders on several threads, one thread may run another's request. The greeting is then read on the
 * socket's event loop while the sender's own event loop has yet to install the reader, and Vert.x drops data that
 * arrives with no reader ({@code NetSocketImpl}); client and server then wait for each other until one gives up.
 * With every conversation started here, the pool only ever runs on this thread, and a socket's reader is installed
 * in the same turn of the loop that opened it, before any of its data can be read. The loop only starts and relays
 * conversations (writes and reads never block), so one is enough for many connections.
 */
@ApplicationScoped
public class SmtpEventLoop implements Executor {

    private final Context context;

    public SmtpEventLoop(Vertx vertx) {
        // a context of our own: one borrowed from the calling thread may be a worker's, or a request's
        this.context = ((VertxInternal) vertx).createEventLoopContext();
    }

    @Override
    public void execute(Runnable command) {
        context.runOnContext(ignored -> command.run());
    }
}
