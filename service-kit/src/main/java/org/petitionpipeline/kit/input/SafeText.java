package org.petitionpipeline.kit.input;

import java.util.regex.Pattern;

/**
 * Whether a signer's text is safe to print in an email header or a delivery report: no control characters
 * (CR/LF above all, a header injection), no Unicode line or paragraph separators, no bidi overrides that make
 * a report show a name in another order than the one stored. Every service that takes signer text checks it.
 */
public final class SafeText {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]");

    private SafeText() {
    }

    public static boolean isSafe(String text) {
        return text == null || !UNSAFE.matcher(text).find();
    }
}
