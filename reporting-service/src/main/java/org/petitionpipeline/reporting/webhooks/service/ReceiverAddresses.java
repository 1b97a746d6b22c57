package org.petitionpipeline.reporting.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.petitionpipeline.kit.input.Cidr;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;

/**
 * Where a webhook may go: an https URL (http only where configuration allows) whose host resolves to public addresses
 * only, so that an organizer cannot make this service post into the network it runs in (SSRF: the cloud's metadata
 * service, the database, an admin port). Checked when an endpoint is configured and again before each delivery, since
 * a name's addresses can change after it was accepted; a delivery then connects to the address this check resolved,
 * never to one a second lookup might give (DNS rebinding).
 */
@ApplicationScoped
public class ReceiverAddresses {

    private static final int MAX_URL_LENGTH = 2000;

    /** Never a receiver anywhere: "this host" and group addresses. */
    private static final List<Cidr> NEVER = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("::/128"),
            Cidr.parse("224.0.0.0/4"), Cidr.parse("255.255.255.255/32"), Cidr.parse("ff00::/8"));

    /** Loopback, private (RFC 1918, shared CGNAT space, IPv6 unique local) and link-local networks. */
    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("10.0.0.0/8"),
            Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"));

    private final boolean allowHttp;
    private final boolean allowPrivate;

    @Inject
    public ReceiverAddresses(WebhooksConfig config) {
        this(config.allowHttp(), config.allowPrivateAddresses());
    }

    ReceiverAddresses(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** What the check of a receiver's URL found. */
    public sealed interface Checked permits Allowed, Refused {
    }

    /** A receiver a webhook may go to, and the checked address to connect to. */
    public record Allowed(URI uri, InetAddress address) implements Checked {
    }

    /** Why a webhook may not go to a URL, for the organizer to read. */
    public record Refused(String reason) implements Checked {
    }

    /** Why a webhook may not go to {@code url}, for the organizer to read; empty when it may. */
    public Optional<String> refusal(String url) {
        return check(url) instanceof Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    /** Whether a webhook may go to {@code url}, and where to connect when it may. */
    public Checked check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return new Refused("an absolute https URL of at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Refused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return new Refused(allowHttp ? "must start with https:// or http://" : "must start with https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return new Refused("needs a host, and no user name, password or #fragment");
        }
        return checkHost(uri);
    }

    /* Every address the name has must be allowed, not only the one connected to: the lookup may order them anew. */
    private Checked checkHost(URI uri) {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Refused("the host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            byte[] bytes = address.getAddress();
            if (NEVER.stream().anyMatch(network -> network.contains(bytes))) {
                return new Refused("the host '" + host + "' resolves to " + address.getHostAddress()
                        + ", which is no single receiver");
            }
            if (!allowPrivate && PRIVATE.stream().anyMatch(network -> network.contains(bytes))) {
                return new Refused("the host '" + host + "' resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address");
            }
        }
        return new Allowed(uri, addresses[0]);
    }
}
