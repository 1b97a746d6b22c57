package org.petitionpipeline.contracts;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one canonical form of an email address, so that "Jane@Example.org " and "jane@example.org" are one
 * signer everywhere: NFC, trimmed, lower-cased, domain in its ASCII (IDNA) form without the DNS root dot
 * ("example.org." is "example.org").
 *
 * <p>Lower-casing the local part goes beyond RFC 5321, which leaves it to the receiving host; every large
 * provider ignores case, and treating case variants as two signers would let one person sign twice.
 */
public final class CanonicalEmail {

    private CanonicalEmail() {
    }

    /** The canonical form, or empty when the input has no usable {@code local@domain} shape. */
    public static Optional<String> of(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = Normalizer.normalize(address, Normalizer.Form.NFC).strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return Optional.empty();
        }
        // NFC again: a capital with a combining mark may have no precomposed form while its small letter has one
        String local = Normalizer.normalize(trimmed.substring(0, at).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        try {
            String domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            return domain.isEmpty() ? Optional.empty() : Optional.of(local + "@" + domain);
        } catch (IllegalArgumentException notAValidDomain) {
            return Optional.empty();
        }
    }
}
