package org.petitionpipeline.reporting.petitions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** Organizers change and close petitions; every change reaches the catalog topic the other services read. */
@QuarkusTest
class PetitionAdminTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static final String PLAIN_TARGETS =
            "\"targets\": [{\"name\": \"Office of the Attorney General\", \"title\": \"U.S. Attorney General\"}],";

    private static RequestSpecification asOrganizer() {
        return given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json");
    }

    /** The definition the compacted topic ends with for this slug: what a service reading it from the start holds. */
    private Optional<PetitionDefinition> latestOnCatalog(String slug) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readValues(Topics.PETITIONS, 10_000, Duration.ofSeconds(1), PetitionDefinition.class)
                    .stream().filter(petition -> petition.slug().equals(slug)).reduce((earlier, later) -> later);
        }
    }

    @Test
    void anUpdatedPetitionIsPublishedAgainWithItsNewWordingAndKeepsItsSlugAndStatus() {
        PetitionCatalogTest.createPetition("update-test");
        String revised = PetitionCatalogTest.petitionJson("update-test")
                .replace("Tell the Attorney General: resign", "Tell the Attorney General: step down")
                .replace("100000", "250000");

        asOrganizer().body(revised).put("/api/admin/petitions/update-test")
                .then().statusCode(200).body("title", equalTo("Tell the Attorney General: step down"))
                .body("goal", equalTo(250000)).body("status", equalTo("OPEN"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(latestOnCatalog("update-test"))
                .hasValueSatisfying(petition -> {
                    assertThat(petition.title()).isEqualTo("Tell the Attorney General: step down");
                    assertThat(petition.goal()).isEqualTo(250000);
                }));
        asOrganizer().get("/api/admin/petitions/update-test").then().statusCode(200).body("goal", equalTo(250000));
        given().get("/api/petitions/update-test/total").then().statusCode(200).body("goal", equalTo(250000));
    }

    @Test
    void officePhonesEndDateVerificationAndOrganizersReachTheCatalog() {
        String targets = """
                "targets": [{"name": "Pam Bondi", "title": "U.S. Attorney General", "region": "US",
                             "offices": [{"label": "Main switchboard", "phone": "+1 (202) 514-2000"}]}],
                "verified_signatures_only": true, "ends_at": "2027-01-31T23:59:59Z",
                "organizer_emails": ["team@campaign.example"],""";
        asOrganizer().body(PetitionCatalogTest.petitionJson("offices-test").replace(PLAIN_TARGETS, targets))
                .post("/api/admin/petitions").then().statusCode(201)
                .body("targets[0].offices[0].phone", equalTo("+1 (202) 514-2000"))
                .body("verified_signatures_only", equalTo(true)).body("ends_at", equalTo("2027-01-31T23:59:59Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(latestOnCatalog("offices-test"))
                .hasValueSatisfying(petition -> {
                    assertThat(petition.targets().get(0).offices().get(0).label()).isEqualTo("Main switchboard");
                    assertThat(petition.targets().get(0).region()).isEqualTo("US");
                    assertThat(petition.verifiedSignaturesOnly()).isTrue();
                    assertThat(petition.endsAt()).isEqualTo(Instant.parse("2027-01-31T23:59:59Z"));
                    assertThat(petition.organizerEmails()).containsExactly("team@campaign.example");
                }));
    }

    @Test
    void aBadPhoneRegionOrOrganizerAddressIsNamed() {
        String targets = """
                "targets": [{"name": "Pam Bondi", "region": "california",
                             "offices": [{"label": "DC", "phone": "call us"}, {"label": "Two\\nlines", "phone": "202 514 2000"}]}],
                "organizer_emails": ["not an address"],""";
        asOrganizer().body(PetitionCatalogTest.petitionJson("bad-offices-test").replace(PLAIN_TARGETS, targets))
                .post("/api/admin/petitions").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("targets[0].region")).body("errors", hasKey("targets[0].offices[0].phone"))
                .body("errors", hasKey("targets[0].offices[1].label")).body("errors", hasKey("organizer_emails[0]"));
        asOrganizer().get("/api/admin/petitions/bad-offices-test").then().statusCode(404);
    }

    @Test
    void translationsReachTheCatalogAndEachLanguageFallsBackFieldByField() {
        String translated = """
                "language": "en", "share_text": "I signed: will you?",
                "translations": {"es": {"title": "Dígale al Fiscal General: renuncie",
                                        "consent_text": "Envíenme novedades", "consent_text_version": "2026-12-es",
                                        "target_titles": {"U.S. Attorney General": "Fiscal General de EE. UU."}},
                                 "ar": {"title": "<b>استقل</b>"}},""";
        asOrganizer().body(PetitionCatalogTest.petitionJson("languages-test").replace(PLAIN_TARGETS,
                PLAIN_TARGETS + translated)).post("/api/admin/petitions").then().statusCode(201)
                .body("translations.es.consent_text_version", equalTo("2026-12-es"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(latestOnCatalog("languages-test"))
                .hasValueSatisfying(petition -> {
                    assertThat(petition.languages()).containsExactly("ar", "en", "es");
                    assertThat(petition.in("es").targets().get(0).title()).isEqualTo("Fiscal General de EE. UU.");
                    assertThat(petition.in("es").consentTextVersion()).isEqualTo("2026-12-es");
                    assertThat(petition.in("ar").title()).isEqualTo("<b>استقل</b>");
                    assertThat(petition.in("ar").text()).isEqualTo(petition.text());
                    assertThat(petition.in("ar").shareText()).isEqualTo("I signed: will you?");
                }));
    }

    @Test
    void aBadLanguageOrTranslationIsNamedAndStoresNothing() {
        String translated = """
                "language": "English",
                "translations": {"es-MX": {"title": "Renuncie"},
                                 "fr": {"consent_text": "Tenez-moi informé", "title": "Deux\\nlignes",
                                        "target_titles": {"Senator": "Sénateur"}}},""";
        asOrganizer().body(PetitionCatalogTest.petitionJson("bad-languages-test").replace(PLAIN_TARGETS,
                PLAIN_TARGETS + translated)).post("/api/admin/petitions").then().statusCode(422)
                .contentType("application/problem+json").body("errors", hasKey("language"))
                .body("errors", hasKey("translations.es-MX")).body("errors", hasKey("translations.fr.title"))
                .body("errors", hasKey("translations.fr.consent_text_version"))
                .body("errors", hasKey("translations.fr.target_titles"));
        asOrganizer().get("/api/admin/petitions/bad-languages-test").then().statusCode(404);
    }

    @Test
    void aBodyWithoutSlugUpdatesThePetitionOfThePath() {
        PetitionCatalogTest.createPetition("no-slug-test");
        asOrganizer().body(PetitionCatalogTest.petitionJson("no-slug-test").replace("\"slug\": \"no-slug-test\",", ""))
                .put("/api/admin/petitions/no-slug-test")
                .then().statusCode(200).body("slug", equalTo("no-slug-test"));
    }

    @Test
    void theSlugCannotChange() {
        PetitionCatalogTest.createPetition("fixed-slug-test");
        asOrganizer().body(PetitionCatalogTest.petitionJson("another-slug")).put("/api/admin/petitions/fixed-slug-test")
                .then().statusCode(422).contentType("application/problem+json").body("errors", hasKey("slug"));
        asOrganizer().get("/api/admin/petitions/another-slug").then().statusCode(404);
    }

    @Test
    void anInvalidUpdateNamesEveryBadFieldAndChangesNothing() {
        PetitionCatalogTest.createPetition("bad-update-test");
        asOrganizer().body("{\"title\": \"Two\\nlines\", \"goal\": -1, \"allowed_origins\": [\"news.example\"]}")
                .put("/api/admin/petitions/bad-update-test")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("title")).body("errors", hasKey("text")).body("errors", hasKey("targets"))
                .body("errors", hasKey("goal")).body("errors", hasKey("allowed_origins[0]"));
        asOrganizer().body("[]").put("/api/admin/petitions/bad-update-test")
                .then().statusCode(400).contentType("application/problem+json");
        asOrganizer().get("/api/admin/petitions/bad-update-test")
                .then().statusCode(200).body("title", equalTo("Tell the Attorney General: resign"));
    }

    @Test
    void newConsentWordingNeedsANewVersion() {
        asOrganizer().body(PetitionCatalogTest.petitionJson("consent-update-test").replace("\"goal\": 100000",
                        "\"goal\": 10, \"consent_text\": \"Keep me posted\", \"consent_text_version\": \"2026-11\""))
                .post("/api/admin/petitions").then().statusCode(201);
        String reworded = PetitionCatalogTest.petitionJson("consent-update-test").replace("\"goal\": 100000",
                "\"goal\": 10, \"consent_text\": \"Email me about other campaigns too\", \"consent_text_version\": \"%s\"");

        asOrganizer().body(reworded.formatted("2026-11")).put("/api/admin/petitions/consent-update-test")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("consent_text_version"));
        asOrganizer().body(reworded.formatted("2026-12")).put("/api/admin/petitions/consent-update-test")
                .then().statusCode(200).body("consent_text_version", equalTo("2026-12"));
    }

    @Test
    void updatingOrClosingAnUnknownPetitionIsNotFound() {
        asOrganizer().body(PetitionCatalogTest.petitionJson("never-created")).put("/api/admin/petitions/never-created")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("there is no petition 'never-created'"));
        asOrganizer().post("/api/admin/petitions/never-created/close")
                .then().statusCode(404).contentType("application/problem+json");
        asOrganizer().get("/api/admin/petitions/never-created").then().statusCode(404);
    }

    @Test
    void aClosedPetitionIsPublishedClosedAndStaysClosedThroughAnEdit() {
        PetitionCatalogTest.createPetition("close-test");

        String closedAt = asOrganizer().post("/api/admin/petitions/close-test/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).extract().path("updated_at");
        asOrganizer().post("/api/admin/petitions/close-test/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("updated_at", equalTo(closedAt));
        asOrganizer().body(PetitionCatalogTest.petitionJson("close-test").replace("resign", "resign now"))
                .put("/api/admin/petitions/close-test").then().statusCode(200).body("status", equalTo("CLOSED"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(latestOnCatalog("close-test"))
                .hasValueSatisfying(petition -> {
                    assertThat(petition.status()).isEqualTo(PetitionStatus.CLOSED);
                    assertThat(petition.title()).endsWith("resign now");
                    assertThat(petition.updatedAt()).isAfter(Instant.parse(closedAt));
                }));
        given().get("/api/petitions/close-test/total").then().statusCode(200);
    }

    @Test
    void changesNeedTheOrganizerToken() {
        PetitionCatalogTest.createPetition("token-change-test");
        given().contentType("application/json").body(PetitionCatalogTest.petitionJson("token-change-test"))
                .put("/api/admin/petitions/token-change-test")
                .then().statusCode(401).contentType("application/problem+json");
        given().post("/api/admin/petitions/token-change-test/close")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-the-organizer-token").get("/api/admin/petitions/token-change-test")
                .then().statusCode(401);
        asOrganizer().get("/api/admin/petitions/token-change-test").then().statusCode(200).body("status", equalTo("OPEN"));
    }
}
