package org.petitionpipeline.deploy;

import java.util.regex.Pattern;

/**
 * Whether an image reference names one release: a tag with a version number ({@code 4.1.1}, {@code v3.5.0},
 * {@code 17.6-bookworm}) or a digest. {@code latest}, a bare major version ({@code 17}) or no tag at all move under
 * the deployment without a change to its files.
 */
public final class PinnedImage {

    private static final Pattern PINNED = Pattern.compile(".+(:v?\\d+\\.\\d+[^:/]*|@sha256:[0-9a-f]{64})");

    private PinnedImage() {
    }

    public static boolean isPinned(String image) {
        return PINNED.matcher(image).matches();
    }
}
