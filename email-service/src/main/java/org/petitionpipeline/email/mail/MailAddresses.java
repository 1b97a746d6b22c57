package org.petitionpipeline.email.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.kit.input.SafeText;

/** Addresses typed by people (organizers, a person asking for their data), checked before anything is mailed to them. */
public final class MailAddresses {

    // besides CR/LF (SafeText): what would end an address in a header or start another one
    private static final Pattern NOT_IN_AN_ADDRESS = Pattern.compile("[\\s,;<>\"()\\[\\]\\\\]");

    // RFC 5321 §4.5.3.1: what an SMTP server must accept at most; a longer one is not an address anyone has
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;

    private MailAddresses() {
    }

    /** The canonical address, or empty when the text cannot be one address we may put in a header. */
    public static Optional<String> deliverable(String typed) {
        return CanonicalEmail.of(typed)
                .filter(address -> SafeText.isSafe(address) && !NOT_IN_AN_ADDRESS.matcher(address).find())
                .filter(address -> address.length() <= MAX_ADDRESS && address.lastIndexOf('@') <= MAX_LOCAL_PART);
    }

    /**
     * The mail queue's key for an organizer (or an organization's owner), and what logs name: no raw address in
     * either. Not the signers' email hash: organizers are not signers, and nothing links the two.
     */
    public static String organizerDigest(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("organizer:" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
