package org.petitionpipeline.email.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test SMTP server that can misbehave as real ones do, and otherwise passes everything
 * on byte for byte:
 * <ul>
 * <li>lose the server's greeting, as the mail client's pool did when two senders raced for a connection: the client
 * then waits for a {@code 220} that never comes while the server waits for {@code EHLO};</li>
 * <li>hold back the server's reply to the end of a message, as a slow relay does (a content filter before it
 * queues): the server has the message, the client does not know yet.</li>
 * </ul>
 */
final class SmtpFaultProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final String serverHost;
    private final int serverPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean losingGreetings;
    // counts down to the one connection that loses its greeting; below zero once it has
    private final AtomicInteger connectionsUntilGreetingLost = new AtomicInteger();
    private volatile Duration replyToMessageAfter = Duration.ZERO;

    SmtpFaultProxy(String serverHost, int serverPort) throws IOException {
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

    /** Whether the {@code nth} connection opened from now on (1 for the next) alone loses the server's greeting. */
    void loseGreetingOfConnection(int nth) {
        connectionsUntilGreetingLost.set(nth);
    }

    /** How long the server's reply to each message's end of data is held back from now on. */
    void replyToMessagesAfter(Duration delay) {
        replyToMessageAfter = delay;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(serverHost, serverPort);
                open.add(client);
                open.add(server);
                boolean loseGreeting = connectionsUntilGreetingLost.decrementAndGet() == 0 || losingGreetings;
                Conversation conversation = new Conversation(loseGreeting);
                pump(server, client, conversation::fromServer);
                pump(client, server, conversation::fromClient);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** What one connection has seen: whether the client just ended a message, whose reply is then held back. */
    private final class Conversation {

        private boolean greetingToLose;
        private int endOfDataMatched;
        private volatile boolean messageEnded;

        Conversation(boolean loseGreeting) {
            this.greetingToLose = loseGreeting;
        }

        /** Passes on what the client sent, noting first (before the server can answer it) a message's end. */
        void fromClient(byte[] bytes, int length, OutputStream server) throws IOException {
            for (int i = 0; i < length; i++) {
                if (bytes[i] == END_OF_DATA[endOfDataMatched]) {
                    endOfDataMatched++;
                } else {
                    // only a CR can start the terminator again: no longer part of it is also its start
                    endOfDataMatched = bytes[i] == END_OF_DATA[0] ? 1 : 0;
                }
                if (endOfDataMatched == END_OF_DATA.length) {
                    messageEnded = true;
                    endOfDataMatched = 0;
                }
            }
            server.write(bytes, 0, length);
        }

        void fromServer(byte[] bytes, int length, OutputStream client) throws IOException {
            int from = 0;
            if (greetingToLose) {
                while (from < length && bytes[from] != '\n') {
                    from++;
                }
                if (from == length) {
                    return;
                }
                greetingToLose = false;
                from++;
            }
            if (messageEnded) {
                messageEnded = false;
                sleep(replyToMessageAfter);
            }
            client.write(bytes, from, length - from);
        }
    }

    @FunctionalInterface
    private interface Relay {
        void pass(byte[] bytes, int length, OutputStream to) throws IOException;
    }

    private static void pump(Socket from, Socket to, Relay relay) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    relay.pass(buffer, read, out);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void sleep(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while holding back a reply", e);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "smtp-fault-proxy");
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
        open.forEach(SmtpFaultProxy::closeQuietly);
    }
}
