package org.petitionpipeline.dedup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.dedup.service.SignatureReviewService;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.TestPetitions;

/** Fraud signals hold signatures; ops list and release them, or strike out signatures by criteria. */
@QuarkusTest
@TestProfile(LowHoldLimits.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SignatureReviewTest {

    private static final String OPS_TOKEN = TestAccessTokens.operator();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    PetitionCatalog catalog;

    private static RequestSpecification asOps() {
        return given().header("Authorization", "Bearer " + OPS_TOKEN).contentType(ContentType.JSON);
    }

    private static SubmittedSignature signature(String slug, int person, String domain, String clientIp) {
        return DedupFixtures.submission(slug, "Person", "person" + person + "@" + domain, null, null, clientIp, false);
    }

    private static List<UUID> ids(List<SubmittedSignature> submissions) {
        return submissions.stream().map(SubmittedSignature::submissionId).toList();
    }

    @Test
    void aBurstFromOneAddressIsHeldUntilOpsReleaseIt() throws Exception {
        String slug = "burst-" + UUID.randomUUID();
        List<SubmittedSignature> burst = IntStream.range(0, 5)
                .mapToObj(person -> signature(slug, person, "org" + person + ".example.net", "198.51.100.9")).toList();

        DedupFixtures.TopicOutcomes outcomes = DedupFixtures.outcomesOf(bootstrapServers, slug,
                burst.toArray(SubmittedSignature[]::new));

        assertThat(outcomes.accepted()).hasSize(LowHoldLimits.PER_ADDRESS);
        assertThat(outcomes.rejected()).hasSize(2).allSatisfy(rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.HELD);
            assertThat(rejected.detail()).contains("address 198.51.100.9/32");
        });
        List<UUID> held = outcomes.rejected().stream().map(RejectedSignature::submissionId).toList();
        for (UUID id : held) {
            assertThat(DedupFixtures.status(dataSource, id)).isEqualTo("held");
        }

        asOps().queryParam("petition", slug).get("/api/admin/held").then().statusCode(200)
                .body("total_held", equalTo(2))
                .body("signatures.size()", equalTo(2))
                .body("signatures[0].email", startsWith("p•••@org"))
                .body("signatures[0].held_because", startsWith("more than 3 signatures from address"));
        given().queryParam("petition", slug).get("/api/admin/held").then().statusCode(401)
                .contentType("application/problem+json");

        // a replayed held record is held again, never called a duplicate of itself
        SubmittedSignature heldOne = burst.stream().filter(s -> s.submissionId().equals(held.get(0))).findFirst()
                .orElseThrow();
        DedupFixtures.outcomesOf(bootstrapServers, slug, heldOne);
        DedupFixtures.TopicOutcomes replayed = await().atMost(DedupFixtures.WAIT)
                .until(() -> DedupFixtures.outcomesSoFar(bootstrapServers, slug), so -> so.rejected().stream()
                        .filter(r -> r.submissionId().equals(heldOne.submissionId())).count() == 2);
        assertThat(replayed.rejected()).filteredOn(r -> r.submissionId().equals(heldOne.submissionId()))
                .extracting(RejectedSignature::reason).containsOnly(RejectionReason.HELD);
        assertThat(replayed.accepted()).extracting(AcceptedSignature::signatureId).doesNotContain(heldOne.submissionId());

        asOps().body(Map.of("petition_slug", slug, "dry_run", true)).post("/api/admin/held/release").then()
                .statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(0)).body("dry_run", equalTo(true));
        assertThat(DedupFixtures.status(dataSource, held.get(0))).isEqualTo("held");

        asOps().body(Map.of("petition_slug", slug)).post("/api/admin/held/release").then()
                .statusCode(200).body("changed", equalTo(2));

        List<AcceptedSignature> released = await().atMost(DedupFixtures.WAIT)
                .until(() -> DedupFixtures.outcomesSoFar(bootstrapServers, slug).accepted(),
                        accepted -> accepted.stream().map(AcceptedSignature::signatureId).toList().containsAll(held));
        assertThat(released).filteredOn(signature -> held.contains(signature.signatureId()))
                .as("released with the language and wording version the signer saw, so their mails are in it")
                .allSatisfy(signature -> assertThat(signature.consent()).isEqualTo(new Consent(true, "v1-es", "es")));
        for (UUID id : held) {
            assertThat(DedupFixtures.status(dataSource, id)).isEqualTo("accepted");
        }
        asOps().queryParam("petition", slug).get("/api/admin/held").then().body("total_held", equalTo(0));
    }

    @Test
    void aBurstAtOneEmailDomainIsHeldButNotAtACommonProvider() {
        String slug = "domain-" + UUID.randomUUID();
        String domain = "burst-" + UUID.randomUUID() + ".example.org";
        SubmittedSignature[] sameDomain = IntStream.range(0, 6)
                .mapToObj(person -> signature(slug, person, domain, "192.0.2." + (10 + person)))
                .toArray(SubmittedSignature[]::new);
        SubmittedSignature[] gmail = IntStream.range(0, 6)
                .mapToObj(person -> signature(slug, person + 100, "gmail.com", "192.0.2." + (30 + person)))
                .toArray(SubmittedSignature[]::new);

        DedupFixtures.TopicOutcomes outcomes = DedupFixtures.outcomesOf(bootstrapServers, slug, sameDomain);
        assertThat(outcomes.accepted()).hasSize(LowHoldLimits.PER_DOMAIN);
        assertThat(outcomes.rejected()).hasSize(2).allSatisfy(rejected -> assertThat(rejected.detail())
                .contains("email domain " + domain));

        DedupFixtures.TopicOutcomes withGmail = DedupFixtures.outcomesOf(bootstrapServers, slug, gmail);
        assertThat(withGmail.accepted()).extracting(AcceptedSignature::signatureId)
                .containsAll(ids(List.of(gmail)));
    }

    @Test
    void opsStrikeOutARangeAndTheTotalsHearOfIt() throws Exception {
        String slug = "strike-" + UUID.randomUUID();
        List<SubmittedSignature> bots = IntStream.range(0, 4)
                .mapToObj(person -> signature(slug, person, "bots" + person + ".example.net", "203.0.113." + (10 + person)))
                .toList();
        SubmittedSignature human = signature(slug, 99, "people.example.net", "192.0.2.50");
        List<SubmittedSignature> all = new ArrayList<>(bots);
        all.add(human);
        DedupFixtures.outcomesOf(bootstrapServers, slug, all.toArray(SubmittedSignature[]::new));

        asOps().body(Map.of("petition_slug", slug, "ip_range", "203.0.113.0/24", "reason", "bot wave", "dry_run", true))
                .post("/api/admin/invalidations").then().statusCode(200)
                .body("matched", equalTo(4)).body("changed", equalTo(0));
        assertThat(DedupFixtures.status(dataSource, bots.get(0).submissionId())).isEqualTo("accepted");

        asOps().body(Map.of("petition_slug", slug, "ip_range", "203.0.113.0/24", "reason", "bot wave"))
                .post("/api/admin/invalidations").then().statusCode(200).body("changed", equalTo(4));

        List<InvalidatedSignature> invalidated = await().atMost(DedupFixtures.WAIT)
                .until(() -> DedupFixtures.outcomesSoFar(bootstrapServers, slug).invalidated(), list -> list.size() >= 4);
        assertThat(invalidated).extracting(InvalidatedSignature::signatureId)
                .containsExactlyInAnyOrderElementsOf(ids(bots));
        assertThat(invalidated).extracting(InvalidatedSignature::reason).containsOnly("bot wave");
        assertThat(DedupFixtures.status(dataSource, bots.get(0).submissionId())).isEqualTo("invalidated");
        assertThat(DedupFixtures.status(dataSource, human.submissionId())).isEqualTo("accepted");

        // a replayed record of a struck-out signature is announced as invalidated again, not accepted
        DedupFixtures.outcomesOf(bootstrapServers, slug, bots.get(0));
        await().atMost(DedupFixtures.WAIT).until(() -> DedupFixtures.outcomesSoFar(bootstrapServers, slug).invalidated()
                .stream().filter(i -> i.signatureId().equals(bots.get(0).submissionId())).count() == 2);
        assertThat(DedupFixtures.outcomesSoFar(bootstrapServers, slug).accepted())
                .filteredOn(a -> a.signatureId().equals(bots.get(0).submissionId())).hasSize(1);
    }

    @Test
    void anActionWhileAnotherRunsOnAnyInstanceIsAConflict() {
        String slug = "overlap-" + UUID.randomUUID();
        Map<String, Object> release = Map.of("petition_slug", slug);
        Map<String, Object> invalidation = Map.of("petition_slug", slug, "ip_range", "203.0.113.0/24",
                "reason", "bot wave");

        try (AdvisoryLock.Held anotherAction = new AdvisoryLock(dataSource, SignatureReviewService.REVIEW_LOCK_KEY)
                .tryAcquire().orElseThrow()) {
            asOps().body(release).post("/api/admin/held/release").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("another review action is running; try again"));
            asOps().body(invalidation).post("/api/admin/invalidations").then().statusCode(409);
            // a dry run changes nothing, so it need not wait
            asOps().body(Map.of("petition_slug", slug, "dry_run", true)).post("/api/admin/held/release").then()
                    .statusCode(200);
        }
        asOps().body(release).post("/api/admin/held/release").then().statusCode(200);
        asOps().body(invalidation).post("/api/admin/invalidations").then().statusCode(200);
    }

    @Test
    void aVagueOrMalformedRequestChangesNothing() {
        asOps().body(Map.of("petition_slug", "any", "reason", "everything")).post("/api/admin/invalidations").then()
                .statusCode(422).contentType("application/problem+json").body("errors", hasKey("signature_ids"));
        asOps().body(Map.of("ip_range", "203.0.113.0/24")).post("/api/admin/invalidations").then()
                .statusCode(422).body("errors", hasKey("reason"));
        asOps().body(Map.of("ip_range", "300.1.1.1/8", "reason", "x")).post("/api/admin/invalidations").then()
                .statusCode(422).body("errors", hasKey("ip_range"));
        asOps().body(Map.of("received_from", "2026-11-23T10:00:00Z", "received_until", "2026-11-23T09:00:00Z",
                "reason", "x")).post("/api/admin/invalidations").then()
                .statusCode(422).body("errors", hasKey("received_until"));
        asOps().body(Map.of()).post("/api/admin/held/release").then()
                .statusCode(422).body("errors", hasKey("petition_slug"));
        asOps().body("{\"signature_ids\": [\"not-a-uuid\"], \"reason\": \"x\"}").post("/api/admin/invalidations").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", "Bearer forged-token-forged-token").contentType(ContentType.JSON)
                .body(Map.of("ip_range", "0.0.0.0/0", "reason", "x")).post("/api/admin/invalidations").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void onlyAPlatformOperatorWithAValidTokenReviewsSignatures() throws Exception {
        Caller operator = new Caller(UUID.randomUUID(), "ops@platform.example", true, Map.of());
        Caller owner = new Caller(UUID.randomUUID(), "owner@acme.example", false, Map.of("acme", OrgRole.OWNER));
        Map<String, Integer> refusals = Map.of(TestAccessTokens.of(owner), 403,
                TestAccessTokens.member("default", OrgRole.OWNER), 403,
                TestAccessTokens.expired(operator), 401,
                TestAccessTokens.forged(operator), 401,
                TestAccessTokens.ofIssuer("https://other-pipeline.example", operator), 401,
                "not.a.jwt", 401);
        long deniedBefore = auditEntries("access.denied");
        refusals.forEach((token, status) -> {
            given().auth().oauth2(token).get("/api/admin/held").then()
                    .statusCode(status).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("petition_slug", "held-petition", "reason", "x")).post("/api/admin/held/release")
                    .then().statusCode(status).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("ip_range", "0.0.0.0/0", "reason", "x")).post("/api/admin/invalidations").then()
                    .statusCode(status).contentType("application/problem+json");
        });
        // each refusal of a caller it knows is in the audit log (one whose token it cannot trust names nobody)
        assertThat(auditEntries("access.denied") - deniedBefore).isEqualTo(6);
        given().auth().oauth2(TestAccessTokens.of(operator)).get("/api/admin/held").then().statusCode(200);
        long releasesBefore = auditEntries("signatures.release");
        given().auth().oauth2(TestAccessTokens.of(operator)).contentType(ContentType.JSON)
                .body(Map.of("petition_slug", "audited-release")).post("/api/admin/held/release").then()
                .statusCode(200);
        assertThat(auditEntries("signatures.release") - releasesBefore).isEqualTo(1);
    }

    private long auditEntries(String action) throws Exception {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement("select count(*) from dedup.audit_outbox where action = ?")) {
            count.setString(1, action);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void anOrganizationReviewsItsOwnPetitionsSignaturesAndNoOneElses() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, "acme-review", TestPetitions.open("acme-review", "acme"));
        }
        await().atMost(DedupFixtures.WAIT).until(() -> catalog.find("acme-review").isPresent());
        String petition = "/api/admin/petitions/acme-review";
        String viewer = TestAccessTokens.member("acme", OrgRole.VIEWER);
        String editor = TestAccessTokens.member("acme", OrgRole.EDITOR);
        Map<String, Object> dryRun = Map.of("ip_range", "203.0.113.0/24", "dry_run", true);

        given().auth().oauth2(viewer).get(petition + "/held").then().statusCode(200).body("total_held", equalTo(0));
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(dryRun).post(petition + "/held/release")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(dryRun).post(petition + "/held/release")
                .then().statusCode(200).body("dry_run", equalTo(true));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("ip_range", "203.0.113.0/24", "reason", "x", "dry_run", true))
                .post(petition + "/invalidations").then().statusCode(200);
        // the body cannot widen what the path let the editor in for
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("petition_slug", "someone-elses", "ip_range", "0.0.0.0/0", "reason", "x"))
                .post(petition + "/invalidations").then().statusCode(422).body("errors", hasKey("petition_slug"));
        // another organization's owner: no such petition; the whole platform's review: operators only
        given().auth().oauth2(TestAccessTokens.member("beta", OrgRole.OWNER)).get(petition + "/held").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(editor).get("/api/admin/held").then().statusCode(403);
    }
}
