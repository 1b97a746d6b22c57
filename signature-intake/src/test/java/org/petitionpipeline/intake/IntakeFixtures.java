package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** Petitions and signatures the intake tests share. */
public final class IntakeFixtures {

    private IntakeFixtures() {
    }

    static String signature(String givenName, String email) {
        return """
                {"person": {"given_name": "%s", "family_name": "Doe",
                            "email_addresses": [{"address": "%s"}],
                            "postal_addresses": [{"postal_code": "20500", "country": "us"}]},
                 "comments": "Enough is enough.",
                 "consent": {"email_updates": true},
                 "referrer_data": {"source": "embed", "url": "https://news.example/story"}}""".formatted(givenName, email);
    }

    public static PetitionDefinition petition(String slug, PetitionStatus status) {
        return petition(slug, status, List.of(), List.of());
    }

    public static PetitionDefinition petition(String slug, PetitionStatus status, List<SignerField> requiredFields,
            List<String> allowedOrigins) {
        return new PetitionDefinition(EventSchema.VERSION, slug, "Tell the Attorney General: resign", "Text",
                List.of(new PetitionTarget("Office of the AG", "U.S. Attorney General")), 1000, status,
                "Email me updates", "v1", requiredFields, allowedOrigins, false, false, null, List.of(), Instant.now(), null,
                "default", null, null, null);
    }

    /** Puts petitions on the catalog topic and waits until intake's catalog shows each. */
    static void publish(String bootstrapServers, PetitionDefinition... petitions) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (PetitionDefinition petition : petitions) {
                kafka.send(Topics.PETITIONS, petition.slug(), petition);
            }
        }
        for (PetitionDefinition petition : petitions) {
            // generous: the first test of a class waits for the catalog consumer to join, slow on a loaded machine
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().get("/api/petitions/" + petition.slug()).then().statusCode(200));
        }
    }

    /** The submitted records of one petition on the topic, read from the start. */
    static List<SubmittedSignature> submitted(String bootstrapServers, String slug) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readValues(Topics.SIGNATURES_SUBMITTED, 100_000, Duration.ofSeconds(2), SubmittedSignature.class)
                    .stream().filter(signature -> signature.petitionSlug().equals(slug)).toList();
        }
    }
}
