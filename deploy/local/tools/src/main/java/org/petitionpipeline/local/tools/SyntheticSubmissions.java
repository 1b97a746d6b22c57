package org.petitionpipeline.local.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;

/** Submissions as intake publishes them, for feeding dedup or its table directly: a share repeat, typed differently. */
public final class SyntheticSubmissions {

    private SyntheticSubmissions() {
    }

    public static List<SubmittedSignature> generate(int records, String petition, double repeatShare, EmailHasher hasher) {
        Random random = new Random(42);
        List<SubmittedSignature> submissions = new ArrayList<>(records);
        int people = 0;
        for (int i = 0; i < records; i++) {
            boolean repeat = people > 0 && random.nextDouble() < repeatShare;
            int person = repeat ? random.nextInt(people) : people++;
            String address = repeat ? " Person" + person + "@Example.ORG " : "person" + person + "@example.org";
            String canonical = CanonicalEmail.of(address).orElseThrow();
            submissions.add(new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), petition, "Benchmark",
                    hasher.hash(canonical), new Signer("Person", String.valueOf(person), address, "20500", "US"),
                    null, new Consent(person % 2 == 0, "v1", "en"),
                    new RequestFacts(Instant.now(), "203.0.113." + person % 250, "bench", null), false));
        }
        return submissions;
    }
}
