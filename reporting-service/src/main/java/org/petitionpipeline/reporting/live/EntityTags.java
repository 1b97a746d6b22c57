package org.petitionpipeline.reporting.live;

/**
 * {@code If-None-Match} as RFC 9110 section 13.1.2 reads it: a list of tags or {@code *}, compared weakly, so a
 * tag a proxy marked {@code W/} (as compressing proxies do) still matches. JAX-RS's own precondition check
 * compares strongly and would answer such a client with the whole body every time.
 */
final class EntityTags {

    private EntityTags() {
    }

    static boolean anyMatches(String ifNoneMatch, String entityTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque(entityTag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
