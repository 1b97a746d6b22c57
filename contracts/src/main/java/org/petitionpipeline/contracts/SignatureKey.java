package org.petitionpipeline.contracts;

/**
 * The Kafka key of every signature event: {@code slug + ":" + email hash}. The same person on the same
 * petition always lands on the same partition, so dedup never races itself across partitions, and no
 * raw address ever appears in a key.
 */
public final class SignatureKey {

    private SignatureKey() {
    }

    public static String of(String petitionSlug, String emailHash) {
        return petitionSlug + ":" + emailHash;
    }
}
