package org.petitionpipeline.kit.input;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a single host. */
public record Cidr(byte[] network, int prefixLength) {

    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] network = address(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR"));
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
        }
        return new Cidr(network, prefix);
    }

    /**
     * The network an address belongs to for counting: IPv4 addresses by {@code ipv4Prefix} bits, IPv6 by
     * {@code ipv6Prefix} (a home or phone gets a whole IPv6 /64 and may take a fresh address for every request).
     * Empty when the text is not an IP literal.
     */
    public static Optional<Cidr> networkOf(String literal, int ipv4Prefix, int ipv6Prefix) {
        return address(literal).map(bytes -> {
            int prefix = bytes.length == 4 ? ipv4Prefix : ipv6Prefix;
            byte[] network = new byte[bytes.length];
            for (int bit = 0; bit < prefix; bit++) {
                network[bit / 8] |= (byte) (bytes[bit / 8] & (0x80 >>> bit % 8));
            }
            return new Cidr(network, prefix);
        });
    }

    /** The bytes of an IP literal; never a DNS lookup, so a header cannot make a service resolve names. */
    public static Optional<byte[]> address(String literal) {
        return Optional.ofNullable(NetUtil.createByteArrayFromIpAddressString(literal.strip()));
    }

    public boolean contains(String literal) {
        return address(literal).filter(this::contains).isPresent();
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** {@code 198.51.100.0/24}, {@code 2001:db8:0:1:0:0:0:0/64}: what a count or a filter is keyed by. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException impossibleForFourOrSixteenBytes) {
            throw new IllegalStateException(impossibleForFourOrSixteenBytes);
        }
    }
}
