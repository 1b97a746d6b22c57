package org.petitionpipeline.local.tools.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The crowd a petition embed sees, one submission at a time: most of it on one hot petition (the one in the
 * news), each new signer from a client address of its own, some signing again with their email typed
 * differently, some sending fields intake must refuse, and some scripts filling the honeypot or sending the form
 * faster than anyone types. Not thread-safe: one load generator's event loop calls it.
 */
public final class SyntheticSigners {

    /** What a submission is meant to be, and so how intake must answer it. */
    enum Kind {
        NEW_SIGNER(202), REPEAT(202), INVALID(422), BOT(422);

        final int expectedStatus;

        Kind(int expectedStatus) {
            this.expectedStatus = expectedStatus;
        }
    }

    /** @param person who signs: the same number is the same person, however the address is typed */
    record Submission(Kind kind, String slug, long person, String json, String clientAddress) {
    }

    /**
     * @param hotShare     share of the traffic on the first petition; the rest is spread evenly over the others
     * @param repeatShare  share of submissions by someone who signed that petition already, typed differently
     * @param invalidShare share with a field intake refuses (422)
     * @param botShare     share that looks automated: honeypot filled, or a forged form render time (422)
     */
    public record Mix(List<String> slugs, double hotShare, double repeatShare, double invalidShare, double botShare) {

        public Mix {
            slugs = List.copyOf(slugs);
            if (repeatShare + invalidShare + botShare >= 1) {
                throw new IllegalArgumentException("repeats, invalid and bot submissions leave no new signers");
            }
        }
    }

    private static final String SIGNATURE = """
            {"person": {"given_name": "%s", "family_name": "Doe",
                        "email_addresses": [{"address": "%s"}],
                        "postal_addresses": [{"postal_code": "%s", "country": "US"}]},
             "comments": "Enough is enough.",
             "consent": {"email_updates": %b},
             "referrer_data": {"source": "embed", "url": "https://news.example/story"},
             "homepage": "%s",
             "form_rendered_at": "%s"}""";
    private static final String[] RETYPED = {" Person%d@Example.ORG ", "PERSON%d@EXAMPLE.ORG", "person%d@Example.org"};
    // each refused for another reason, so the load touches every validator, not one
    private static final String[][] INVALID = {
            {"Pat", "person%d@@example.org", "20500"},
            {"Pat<script>", "person%d@example.org", "20500"},
            {"Pat", "person%d@example.org", "ABCDE"}};

    /*
     * A script that forges the form's render time far ahead of any clock. Not one sent a moment after the form
     * showed: in an open loop a request may wait its turn for a connection longer than the fastest believable fill
     * time, and arrive looking human.
     */
    private static final Instant FORGED_RENDER_TIME = Instant.parse("2099-01-01T00:00:00Z");

    private final Mix mix;
    private final SplittableRandom random;
    /** Per petition, who signed once and may sign again. */
    private final List<List<Long>> signersByPetition = new ArrayList<>();
    private long people;

    public SyntheticSigners(Mix mix, long seed) {
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        mix.slugs().forEach(slug -> signersByPetition.add(new ArrayList<>()));
    }

    Submission next() {
        int petition = petition();
        List<Long> signers = signersByPetition.get(petition);
        String slug = mix.slugs().get(petition);
        double roll = random.nextDouble();
        Instant now = Instant.now();
        // a person takes 10 s to 2 min over the form
        Instant rendered = now.minusSeconds(random.nextLong(10, 120));
        if (roll < mix.botShare()) {
            boolean honeypot = random.nextBoolean();
            long person = people++;
            return submission(Kind.BOT, slug, person, "Pat", address(person), "20500",
                    honeypot ? "https://cheap-pills.example" : "", honeypot ? rendered : FORGED_RENDER_TIME);
        }
        if (roll < mix.botShare() + mix.invalidShare()) {
            long person = people++;
            String[] fields = INVALID[(int) (person % INVALID.length)];
            return submission(Kind.INVALID, slug, person, fields[0], fields[1].formatted(person), fields[2], "", rendered);
        }
        if (roll < mix.botShare() + mix.invalidShare() + mix.repeatShare() && !signers.isEmpty()) {
            // each signs again at most once: more would meet intake's per-email rate limit (429), rightly
            int chosen = random.nextInt(signers.size());
            long person = signers.get(chosen);
            signers.set(chosen, signers.get(signers.size() - 1));
            signers.remove(signers.size() - 1);
            String retyped = RETYPED[random.nextInt(RETYPED.length)].formatted(person);
            return submission(Kind.REPEAT, slug, person, "Pat", retyped, "20500", "", rendered);
        }
        long person = people++;
        signers.add(person);
        return submission(Kind.NEW_SIGNER, slug, person, "Pat", address(person), "20500", "", rendered);
    }

    private int petition() {
        int petitions = mix.slugs().size();
        if (petitions == 1 || random.nextDouble() < mix.hotShare()) {
            return 0;
        }
        return 1 + random.nextInt(petitions - 1);
    }

    private Submission submission(Kind kind, String slug, long person, String givenName, String address,
            String postalCode, String homepage, Instant rendered) {
        String json = SIGNATURE.formatted(givenName, address, postalCode, person % 2 == 0, homepage, rendered);
        return new Submission(kind, slug, person, json, clientAddress());
    }

    private static String address(long person) {
        return "person" + person + "@example.org";
    }

    /** A private address per request: rate limits per client address must not throttle a crowd of signers. */
    private String clientAddress() {
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
