package org.petitionpipeline.reporting.osdi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.access.ConsolePeople;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.counting.SignatureCounting;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.counting.VerifiedCountTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * The OSDI pull API against the real database and broker: paging a petition's 10,000 signatures while more arrive,
 * syncing with modified_since, who may read it, and hostile query parameters.
 */
@QuarkusTest
class OsdiPullApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROOT = "/api/osdi/v1/organizations/";
    private static final String EMBEDDED = "/_embedded/osdi:signatures";
    private static final ObjectMapper JSON = new ObjectMapper();
    /* PostgreSQL orders uuids byte by byte, as their lower-case text sorts */
    private static final Comparator<Signature> SYNC_ORDER = Comparator.comparing(Signature::modified)
            .thenComparing(signature -> signature.id().toString());

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "reporting.delivery-report.public-url")
    String publicUrl;

    @Inject
    SignatureCounting counting;

    @Inject
    DataSource dataSource;

    private Person owner;
    private String organization;
    private String slug;

    private record Signature(UUID id, Instant modified) {
    }

    @BeforeEach
    void anOrganizationWithAPetition() {
        owner = ConsolePeople.owner("osdi");
        organization = ConsolePeople.organizationOf(owner);
        slug = "osdi-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions").then().statusCode(201);
    }

    @Test
    void tenThousandSignaturesPageInOrderEachOnceWhileNewOnesArriveAndASyncAfterwardsGetsTheRest() throws Exception {
        // The consumer's own transaction (SignatureCounting, as SignatureOutcomeListener calls it), 500 per batch:
        // the Kafka round trip of 10,000 records would only slow the test
        for (int batch = 0; batch < 20; batch++) {
            counting.countAccepted(IntStream.range(0, 500).mapToObj(i -> accepted()).toList());
        }
        int arriving = 300;
        CompletableFuture<Void> arrivals = CompletableFuture.runAsync(() -> {
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                for (int i = 0; i < arriving; i++) {
                    CountedSignature signature = accepted();
                    kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                }
            }
        });

        long started = System.nanoTime();
        List<Long> millis = new ArrayList<>();
        List<JsonNode> pages = follow(signatures() + "?per_page=100", millis);
        double seconds = (System.nanoTime() - started) / 1e9;
        arrivals.get();
        List<Signature> firstSync = signaturesOf(pages);

        assertThat(pages.get(0).get("total_records").asInt()).isGreaterThanOrEqualTo(10_000);
        assertThat(pages).extracting(page -> page.get("page").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, pages.size()).boxed().toList());
        assertThat(pages).allSatisfy(page -> assertThat(page.get("per_page").asInt()).isEqualTo(100));
        assertThat(pages.subList(0, pages.size() - 1))
                .allSatisfy(page -> assertThat(page.at(EMBEDDED).size()).isEqualTo(100));
        assertThat(firstSync).hasSizeGreaterThanOrEqualTo(10_000).isSortedAccordingTo(SYNC_ORDER)
                .extracting(Signature::id).doesNotHaveDuplicates();
        // a previous link gives the page before again, page 2's the first page
        for (int page : new int[] {2, 1}) {
            String previous = pathOf(pages.get(page).at("/_links/previous/href").asText());
            assertThat(signaturesOf(List.of(get(previous)))).isEqualTo(signaturesOf(List.of(pages.get(page - 1))));
        }
        System.out.printf("OSDI paging: %d signatures in %d pages of 100 in %.2f s (answer and parse); median "
                        + "%d ms a page, of the first ten %d ms, of the last ten %d ms, slowest %d ms; %d of %d "
                        + "signatures arriving meanwhile were on them%n", firstSync.size(), pages.size(), seconds,
                median(millis), median(millis.subList(0, 10)), median(millis.subList(millis.size() - 10,
                        millis.size())), millis.stream().mapToLong(Long::longValue).max().orElseThrow(),
                firstSync.size() - 10_000, arriving);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/petitions/" + slug + "/total").then()
                .body("total", equalTo(10_000 + arriving)));
        Instant lastSeen = firstSync.get(firstSync.size() - 1).modified();
        List<Signature> secondSync = signaturesOf(follow(signatures() + "?per_page=100&filter="
                + "modified_date%20gt%20%27" + lastSeen + "%27"));
        List<UUID> all = new ArrayList<>(firstSync.stream().map(Signature::id).toList());
        all.addAll(secondSync.stream().map(Signature::id).toList());
        assertThat(all).hasSize(10_000 + arriving).doesNotHaveDuplicates();
        assertThat(secondSync).isSortedAccordingTo(SYNC_ORDER)
                .allSatisfy(signature -> assertThat(signature.modified()).isAfter(lastSeen));
    }

    @Test
    void aRowCommittedAfterALaterOneIsHeldBackUntilThenAndNotSkipped() throws Exception {
        counting.countAccepted(List.of(accepted(), accepted(), accepted()));
        UUID late = UUID.randomUUID();
        List<Signature> firstSync;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("insert into reporting.signer (signature_id, "
                    + "petition_slug, given_name, signed_at) values (?, ?, 'Lou', now())")) {
                insert.setObject(1, late);
                insert.setString(2, slug);
                insert.executeUpdate();
            }
            // two signatures counted after the slow transaction began, and committed before it
            counting.countAccepted(List.of(accepted(), accepted()));
            firstSync = signaturesOf(follow(signatures()));
            assertThat(firstSync).hasSize(3);
            slow.commit();
        }
        Instant lastSeen = firstSync.get(firstSync.size() - 1).modified();
        List<Signature> secondSync = signaturesOf(follow(signatures() + "?filter=modified_date%20gt%20%27" + lastSeen
                + "%27"));
        assertThat(secondSync).hasSize(3).isSortedAccordingTo(SYNC_ORDER);
        assertThat(secondSync.get(0).id()).isEqualTo(late);
    }

    @Test
    void modifiedSinceGivesOnlyRowsChangedAfterAndAVerifiedInvalidatedOrErasedOneComesAgain() {
        CountedSignature verified = accepted();
        CountedSignature invalidated = accepted();
        CountedSignature erased = accepted();
        CountedSignature unchanged = accepted();
        send(verified, invalidated, erased, unchanged);
        await().atMost(WAIT).until(() -> signaturesOf(follow(signatures())).size() == 4);
        List<Signature> before = signaturesOf(follow(signatures()));
        Instant lastSeen = before.get(before.size() - 1).modified();
        String since = signatures() + "?filter=modified_date%20gt%20%27" + lastSeen + "%27";
        assertThat(signaturesOf(follow(since))).isEmpty();

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_VERIFIED, verified.key(), VerifiedCountTest.verified(verified));
            kafka.send(Topics.SIGNATURES_INVALIDATED, invalidated.key(), InvalidationTest.invalidated(invalidated));
            kafka.send(Topics.PEOPLE_ERASURES, erased.emailHash(), new PersonErasure(EventSchema.VERSION,
                    UUID.randomUUID(), erased.emailHash(), Instant.now()));
        }
        await().atMost(WAIT).until(() -> signaturesOf(follow(since)).size() == 3);
        Map<String, JsonNode> changed = new HashMap<>();
        follow(since).get(0).at(EMBEDDED).forEach(signature -> changed.put(identifierOf(signature), signature));
        assertThat(changed).containsOnlyKeys(identifier(verified), identifier(invalidated), identifier(erased));
        JsonNode confirmed = changed.get(identifier(verified));
        assertThat(confirmed.at("/custom_fields/status").asText()).isEqualTo("verified");
        assertThat(confirmed.at("/custom_fields/verified_date").isTextual()).isTrue();
        assertThat(confirmed.at("/person/given_name").asText()).isEqualTo("Jane");
        JsonNode struckOut = changed.get(identifier(invalidated));
        assertThat(struckOut.at("/custom_fields/status").asText()).isEqualTo("invalidated");
        assertThat(struckOut.at("/custom_fields/invalidated_date").isTextual()).isTrue();
        JsonNode forgotten = changed.get(identifier(erased));
        assertThat(forgotten.at("/custom_fields/status").asText()).isEqualTo("accepted");
        assertThat(forgotten.at("/custom_fields/erased_date").isTextual()).isTrue();
        assertThat(forgotten.has("person")).isFalse();
        assertThat(forgotten.has("comments")).isFalse();
        assertThat(forgotten.has("action_date") && forgotten.has("created_date") && forgotten.has("modified_date"))
                .isTrue();
        assertThat(follow(since).get(0).toString()).doesNotContain(verified.emailHash())
                .doesNotContainIgnoringCase("email");
    }

    @Test
    void ownersAndEditorsReadAViewerIsRefusedAndAnyoneElseLearnsNothing() {
        send(accepted());
        await().atMost(WAIT).until(() -> signaturesOf(follow(signatures())).size() == 1);
        Person editor = ConsolePeople.member(owner, "editor");
        Person viewer = ConsolePeople.member(owner, "viewer");
        Person stranger = ConsolePeople.owner("osdi-other");

        given().get(ROOT + organization).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        Response entry = given().header("Authorization", "Bearer " + editor.token()).get(ROOT + organization);
        entry.then().statusCode(200).contentType(startsWith("application/hal+json"))
                .body("max_pagesize", equalTo(100))
                .body("_links.'osdi:petitions'.href", equalTo(publicUrl + ROOT + organization + "/petitions"));
        given().header("OSDI-API-Token", editor.token()).get(pathOf(entry.path("_links.'osdi:petitions'.href")))
                .then().statusCode(200).body("total_records", equalTo(1))
                .body("_embedded.'osdi:petitions'[0].identifiers[0]", equalTo("petition-pipeline:" + slug))
                .body("_embedded.'osdi:petitions'[0].total_signatures", equalTo(1))
                .body("_embedded.'osdi:petitions'[0].target[0].name", equalTo("Office of the Attorney General"));
        given().header("Authorization", "Bearer " + viewer.token()).get(signatures()).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        for (String path : List.of(ROOT + organization, ROOT + organization + "/petitions", petition(),
                signatures())) {
            given().header("Authorization", "Bearer " + stranger.token()).get(path).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        // the stranger's own path to this organization's petition: no such petition there
        String theirs = ROOT + ConsolePeople.organizationOf(stranger) + "/petitions/" + slug;
        given().header("Authorization", "Bearer " + stranger.token()).get(theirs).then().statusCode(404);
        given().header("Authorization", "Bearer " + stranger.token()).get(theirs + "/signatures").then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + owner.token()).get(petition() + "-nobody").then()
                .statusCode(404);
    }

    @Test
    void petitionsPageAndFilterAsSignaturesDo() {
        String second = slug + "-2";
        given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(second)).post("/api/admin/petitions").then().statusCode(201);
        List<JsonNode> pages = follow(ROOT + organization + "/petitions?per_page=1");
        assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page.get("total_pages").asInt()).isEqualTo(2));
        assertThat(pages).extracting(page -> identifierOf(page.at("/_embedded/osdi:petitions/0")))
                .containsExactly("petition-pipeline:" + slug, "petition-pipeline:" + second);
        String firstChanged = pages.get(0).at("/_embedded/osdi:petitions/0/modified_date").asText();
        JsonNode changedSince = get(ROOT + organization + "/petitions?filter=modified_date%20gt%20%27" + firstChanged
                + "%27");
        assertThat(changedSince.get("total_records").asInt()).isEqualTo(1);
        assertThat(identifierOf(changedSince.at("/_embedded/osdi:petitions/0")))
                .isEqualTo("petition-pipeline:" + second);
        assertThat(changedSince.at("/_embedded/osdi:petitions/0/_links/osdi:signatures/href").asText())
                .isEqualTo(publicUrl + ROOT + organization + "/petitions/" + second + "/signatures");
    }

    /* OSDI clients written for page numbers ask page=2, 3, … without the cursors: they get what the links give. */
    @Test
    void pagesAskedByTheirNumberHoldWhatFollowingTheLinksGives() {
        counting.countAccepted(List.of(accepted(), accepted(), accepted(), accepted(), accepted(), accepted(),
                accepted()));
        List<JsonNode> followed = follow(signatures() + "?per_page=3");
        assertThat(followed).hasSize(3);

        for (int page = 1; page <= 3; page++) {
            JsonNode numbered = get(signatures() + "?per_page=3&page=" + page);
            assertThat(numbered.get("page").asInt()).isEqualTo(page);
            assertThat(numbered.get("total_pages").asInt()).isEqualTo(3);
            assertThat(signaturesOf(List.of(numbered))).isEqualTo(signaturesOf(List.of(followed.get(page - 1))));
            assertThat(numbered.at("/_links/next").isMissingNode()).isEqualTo(page == 3);
        }
        JsonNode beyond = get(signatures() + "?per_page=3&page=4");
        assertThat(beyond.at(EMBEDDED).size()).isZero();
        assertThat(beyond.get("total_records").asInt()).isEqualTo(7);
        // the next link of a numbered page carries the cursor on
        JsonNode second = get(signatures() + "?per_page=3&page=2");
        assertThat(signaturesOf(List.of(get(pathOf(second.at("/_links/next/href").asText())))))
                .isEqualTo(signaturesOf(List.of(followed.get(2))));
        List<JsonNode> petitionPages = follow(ROOT + organization + "/petitions?per_page=1");
        for (int page = 1; page <= petitionPages.size(); page++) {
            assertThat(get(ROOT + organization + "/petitions?per_page=1&page=" + page).at("/_embedded/osdi:petitions"))
                    .isEqualTo(petitionPages.get(page - 1).at("/_embedded/osdi:petitions"));
        }
    }

    @Test
    void malformedPagingOrFilterIsA400ProblemNamingTheParameter() {
        String petitionsCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("2026-12-01T00:00:00Z|" + slug).getBytes(StandardCharsets.UTF_8));
        Map<String, String> hostile = Map.ofEntries(
                Map.entry("per_page=0", "per_page"), Map.entry("per_page=101", "per_page"),
                Map.entry("per_page=ten", "per_page"), Map.entry("per_page=-1", "per_page"),
                Map.entry("page=0", "page"), Map.entry("page=x", "page"),
                Map.entry("after=not-a-cursor", "after"), Map.entry("page=2&after=" + petitionsCursor, "after"),
                Map.entry("before=%27%3Bdrop%20table", "before"),
                Map.entry("filter=modified_date%20ge%20%272026-12-01T00:00:00Z%27", "filter"),
                Map.entry("filter=created_date%20gt%20%272026-12-01T00:00:00Z%27", "filter"),
                Map.entry("filter=modified_date%20gt%202026-12-01T00:00:00Z", "filter"),
                Map.entry("filter=modified_date%20gt%20%27yesterday%27", "filter"),
                Map.entry("filter=modified_date%20gt%20%272026-12-01T00:00:00%27", "filter"),
                Map.entry("filter=modified_date%20gt%20%27%2B99999-01-01T00:00:00Z%27", "filter"),
                Map.entry("filter=modified_date%20gt%20%272026-12-01T00:00:00Z%27%20or%201%20eq%201", "filter"));
        hostile.forEach((query, parameter) -> given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + owner.token()).get(signatures() + "?" + query).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors." + parameter, notNullValue()));
        // what a CRM sends: a timestamp with an offset, or a bare date
        for (String since : List.of("2026-12-01T00:00:00Z", "2026-12-01T01:00:00.5%2B01:00", "2026-12-01")) {
            given().urlEncodingEnabled(false).header("Authorization", "Bearer " + owner.token())
                    .get(signatures() + "?filter=modified_date%20gt%20%27" + since + "%27").then().statusCode(200);
        }
    }

    private static long median(List<Long> millis) {
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }

    private CountedSignature accepted() {
        return TotalsTest.accepted(slug, UUID.randomUUID(), "osdi-" + UUID.randomUUID());
    }

    private void send(CountedSignature... signatures) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (CountedSignature signature : signatures) {
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
        }
    }

    /** Every page from {@code first} on, following the next links as a CRM does. */
    private List<JsonNode> follow(String first) {
        return follow(first, new ArrayList<>());
    }

    /** @param millis gets the time each page took to answer and parse, as the client saw it */
    private List<JsonNode> follow(String first, List<Long> millis) {
        List<JsonNode> pages = new ArrayList<>();
        String next = first;
        Set<String> seen = new HashSet<>();
        while (next != null) {
            assertThat(seen.add(next)).as("a next link leads back to " + next).isTrue();
            long started = System.nanoTime();
            JsonNode page = get(next);
            millis.add((System.nanoTime() - started) / 1_000_000);
            pages.add(page);
            JsonNode href = page.at("/_links/next/href");
            next = href.isMissingNode() ? null : pathOf(href.asText());
        }
        return pages;
    }

    private JsonNode get(String pathAndQuery) {
        Response response = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + owner.token())
                .get(pathAndQuery);
        response.then().statusCode(200).contentType(startsWith("application/hal+json"));
        try {
            return JSON.readTree(response.asString());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
    }

    private static List<Signature> signaturesOf(List<JsonNode> pages) {
        List<Signature> signatures = new ArrayList<>();
        pages.forEach(page -> page.at(EMBEDDED).forEach(signature -> signatures.add(new Signature(
                UUID.fromString(identifierOf(signature).substring("petition-pipeline:".length())),
                Instant.parse(signature.get("modified_date").asText())))));
        return signatures;
    }

    private static String identifierOf(JsonNode signature) {
        return signature.get("identifiers").get(0).asText();
    }

    private static String identifier(CountedSignature signature) {
        return "petition-pipeline:" + signature.signatureId();
    }

    private String petition() {
        return ROOT + organization + "/petitions/" + slug;
    }

    private String signatures() {
        return petition() + "/signatures";
    }

    private static String pathOf(String href) {
        URI uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
