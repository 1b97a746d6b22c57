package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.petitionpipeline.intake.config.AbuseDefenceConfig;
import org.petitionpipeline.kit.input.Cidr;

/**
 * The address a signature came from, for rate limits and fraud signals. {@code X-Forwarded-For} counts only
 * when the direct peer is a trusted proxy, and then it is read from the right: each trusted proxy appended the
 * address it saw, and the first untrusted one is the client. Entries further left were written by the client
 * and could say anything.
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<Cidr> trustedProxies;

    @Inject
    public ClientAddresses(AbuseDefenceConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    }

    public String clientOf(String peer, List<String> forwardedForHeaders) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedForHeaders.stream()
                .flatMap(header -> List.of(header.split(",")).stream())
                .map(ClientAddresses::withoutPort)
                .toList();
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Cidr.address(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = Cidr.address(address);
        return bytes.isPresent() && trustedProxies.stream().anyMatch(proxy -> proxy.contains(bytes.get()));
    }

    /** {@code [2001:db8::1]:443} and {@code 192.0.2.1:443} as some proxies write them, without the port. */
    private static String withoutPort(String hop) {
        String trimmed = hop.strip();
        if (trimmed.startsWith("[") && trimmed.contains("]")) {
            return trimmed.substring(1, trimmed.indexOf(']'));
        }
        int colon = trimmed.indexOf(':');
        return colon > 0 && colon == trimmed.lastIndexOf(':') ? trimmed.substring(0, colon) : trimmed;
    }
}
