package org.petitionpipeline.email.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the test SMTP server that can lose the server's greeting, as the mail client's pool did
 * when two senders raced for a connection: the client then waits for a {@code 220} that never comes while the
 * server waits for {@code EHLO}. Everything else is passed on byte for byte.
 */
final class GreetingLossProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String serverHost;
    private final int serverPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean losingGreetings;

    GreetingLossProxy(String serverHost, int serverPort) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Whether connections opened from now on lose the server's greeting. */
    void loseGreetings(boolean lose) {
        losingGreetings = lose;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(serverHost, serverPort);
                open.add(client);
                open.add(server);
                boolean loseGreeting = losingGreetings;
                pump(server, client, loseGreeting);
                pump(client, server, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, boolean dropFirstLine) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                if (dropFirstLine) {
                    int b;
                    do {
                        b = in.read();
                    } while (b != -1 && b != '\n');
                }
                in.transferTo(out);
            } catch (IOException closed) {
                // either side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "greeting-loss-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open.forEach(GreetingLossProxy::closeQuietly);
    }
}
