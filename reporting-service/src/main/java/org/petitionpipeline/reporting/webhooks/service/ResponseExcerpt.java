package org.petitionpipeline.reporting.webhooks.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first characters of a receiver's answer: the delivery log shows what a receiver said, and nothing a receiver
 * sends can fill memory or the database, since reading stops once this is full.
 */
final class ResponseExcerpt {

    /** Characters kept of a response body. */
    static final int CHARACTERS = 200;
    /* Enough bytes for CHARACTERS characters of any UTF-8 text. */
    private static final int BYTES = CHARACTERS * 4;

    private final ByteBuffer kept = ByteBuffer.allocate(BYTES);

    /** Keeps what still fits of {@code bytes}; whether more is wanted. */
    boolean add(byte[] bytes) {
        kept.put(bytes, 0, Math.min(bytes.length, kept.remaining()));
        return kept.hasRemaining();
    }

    /** At most {@link #CHARACTERS} characters, never a character cut in two. */
    String text() {
        String text = new String(kept.array(), 0, kept.position(), StandardCharsets.UTF_8);
        int end = text.offsetByCodePoints(0, Math.min(CHARACTERS, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }
}
