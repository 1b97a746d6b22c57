package org.petitionpipeline.reporting.reports.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 chain over the lines of a report: h0 = SHA-256(header line), h_i = SHA-256(h_{i-1} || line i), each
 * line with its CRLF and each link as its 32 raw bytes. The last link vouches for every line before it and for their
 * order, so a row taken out, added or changed anywhere gives another last link.
 */
final class HashChain {

    private final MessageDigest sha256 = sha256();
    private byte[] link;

    HashChain(byte[] headerLine) {
        link = sha256.digest(headerLine);
    }

    void add(byte[] line) {
        sha256.update(link);
        link = sha256.digest(line);
    }

    String head() {
        return HexFormat.of().formatHex(link);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
