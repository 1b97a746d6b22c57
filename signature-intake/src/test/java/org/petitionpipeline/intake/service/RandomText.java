package org.petitionpipeline.intake.service;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reproducible random input for property tests. The seed is fixed so that a failure on CI fails the same way on a
 * laptop; lengths grow from zero, so the first failing input is usually a short one.
 */
final class RandomText {

    // What breaks text handling: control characters (C0, DEL, C1), whitespace that strip() does and does not know,
    // line and paragraph separators, a bidi override, combining marks, letters whose case mapping changes their
    // length or leaves ASCII, a lone surrogate, an emoji, and the separators of addresses and postal codes.
    private static final int[] TRICKY = {'\t', '\n', '\r', 0x00, 0x1B, 0x7F, 0x85, 0x9F, ' ', 0xA0, 0x2007, 0x3000,
            0x2028, 0x2029, 0x202E, 0x0301, 0x030C, 0x0307, 'J', 0x01F0, 0xDF, 0x17F, 0x130, 0x131, 0xFB00, 0x212A,
            0xFF21, 0x0663, 0xD800, 0x1F600, '@', '.', '-', '_', '<', '\'', '"'};
    private static final String ASCII_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;

    RandomText(long seed) {
        random = new Random(seed);
    }

    /** {@code count} strings of up to {@code maxLength} code points, the early ones short. */
    List<String> strings(int count, int maxLength) {
        return IntStream.range(0, count).mapToObj(i -> string(random.nextInt(1 + maxLength * (i + 1) / count)))
                .collect(Collectors.toList());
    }

    String string(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoint());
        }
        return text.toString();
    }

    String oneOf(String characters) {
        return String.valueOf(characters.charAt(random.nextInt(characters.length())));
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in [0, 1), for choosing among several kinds of input by their share. */
    double fraction() {
        return random.nextDouble();
    }

    private int codePoint() {
        double pick = random.nextDouble();
        if (pick < 0.4) {
            return ASCII_ALPHANUMERIC.charAt(random.nextInt(ASCII_ALPHANUMERIC.length()));
        }
        if (pick < 0.7) {
            return TRICKY[random.nextInt(TRICKY.length)];
        }
        if (pick < 0.9) {
            return 0x20 + random.nextInt(0x5F);
        }
        return random.nextInt(Character.MAX_CODE_POINT + 1);
    }

    /** The text with everything outside printable ASCII as its code point, so a failure message shows what was there. */
    static String escaped(Object value) {
        return String.valueOf(value).codePoints()
                .mapToObj(c -> c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c))
                .collect(Collectors.joining());
    }
}
