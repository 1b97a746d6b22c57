package org.petitionpipeline.reporting.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
public class PersonErasureTest {

    private static final List<String> PETITIONS = List.of("erasure-a-test", "erasure-b-test", "erasure-c-test");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    /**
     * Someone whose every personal value is unique to this run, so a scan for it finds only them: what reporting
     * receives of a signer (never the address, IP or user agent).
     */
    public record Person(String emailHash, String givenName, String familyName, String postalCode, String comment) {

        public static Person fresh(String name) {
            String token = UUID.randomUUID().toString().substring(0, 8);
            return new Person("hash-" + name + "-" + token, name + token, "Family" + token, "PC" + token,
                    "a comment by " + name + " " + token);
        }

        public CountedSignature signs(String slug, Instant acceptedAt) {
            return new CountedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, emailHash, givenName, familyName,
                    postalCode, "US", "US-CA", comment, acceptedAt);
        }

        /** What must not be found anywhere once the person is erased (the hash may stay; it names nobody). */
        List<String> traces() {
            return List.of(givenName, familyName, postalCode, comment);
        }
    }

    public static PersonErasure erasureOf(String emailHash, Instant requestedAt) {
        return new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), emailHash, requestedAt);
    }

    /** Sends the request and returns reporting's answers to it, once the first arrived. */
    public static List<ErasureDone> erase(KafkaTestClient kafka, PersonErasure erasure) {
        kafka.send(Topics.PEOPLE_ERASURES, erasure.emailHash(), erasure);
        return await().atMost(Duration.ofSeconds(60)).until(() -> answers(kafka, erasure), list -> !list.isEmpty());
    }

    static List<ErasureDone> answers(KafkaTestClient kafka, PersonErasure erasure) {
        return kafka.read(Topics.PEOPLE_ERASURES_DONE, 10_000, Duration.ofMillis(500)).stream()
                .filter(record -> record.key().equals(erasure.emailHash()))
                .map(record -> KafkaTestClient.parse(record.value(), ErasureDone.class))
                .filter(done -> done.erasureId().equals(erasure.erasureId()))
                .toList();
    }

    @Test
    void anErasureLeavesNoTraceOfThePersonMovesNoFigureAndIsAnnouncedOnce() throws Exception {
        Person erased = Person.fresh("erased");
        Person other = Person.fresh("other");
        PETITIONS.forEach(PetitionCatalogTest::createPetition);
        Instant signedAt = Instant.now().minus(1, ChronoUnit.HOURS);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (String slug : PETITIONS) {
                for (Person person : List.of(erased, other)) {
                    CountedSignature signature = person.signs(slug, signedAt);
                    kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                }
            }
            PETITIONS.forEach(slug -> InvalidationTest.awaitTotal(slug, 2));
            Map<String, String> figuresBefore = figures();
            assertThat(tracesOf(erased)).as("the scan finds the person before the erasure").isNotEmpty();

            PersonErasure erasure = erasureOf(erased.emailHash(), Instant.now());
            ErasureDone done = erase(kafka, erasure).get(0);

            assertThat(done.service()).isEqualTo("reporting-service");
            assertThat(done.records()).isEqualTo(PETITIONS.size());
            assertThat(tracesOf(erased)).as("columns still holding the erased person's data").isEmpty();
            assertThat(tracesOf(other)).as("the other person's data stays").hasSize(4 * PETITIONS.size());
            assertThat(figures()).isEqualTo(figuresBefore);

            // replayed: the first announcement stands, none is added, and nothing else changes
            kafka.send(Topics.PEOPLE_ERASURES, erasure.emailHash(), erasure);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> answers(kafka, erasure).size() == 1);
            assertThat(tracesOf(other)).hasSize(4 * PETITIONS.size());
            assertThat(figures()).isEqualTo(figuresBefore);
        }
    }

    @Test
    void aLateSignatureOfAnErasedPersonIsStoredAnonymizedAndCountedWhileALaterOneIsANewSignature()
            throws Exception {
        Person person = Person.fresh("late");
        PetitionCatalogTest.createPetition("erasure-late-test");
        PetitionCatalogTest.createPetition("erasure-after-test");
        Instant requestedAt = Instant.now();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            erase(kafka, erasureOf(person.emailHash(), requestedAt));

            CountedSignature late = person.signs("erasure-late-test", requestedAt.minusSeconds(60));
            CountedSignature later = person.signs("erasure-after-test", requestedAt.plusSeconds(60));
            kafka.send(Topics.SIGNATURES_COUNTED, late.key(), late);
            kafka.send(Topics.SIGNATURES_COUNTED, later.key(), later);
            InvalidationTest.awaitTotal("erasure-late-test", 1);
            InvalidationTest.awaitTotal("erasure-after-test", 1);
        }
        assertThat(tracesOf(person)).as("only the signature given after the request names the person")
                .containsExactlyInAnyOrder("signer.given_name", "signer.family_name", "signer.postal_code",
                        "signer.comment");
        assertThat(signerRow(person, "erasure-late-test")).containsExactly(null, null, null, null, "US-CA", "true");
        assertThat(signerRow(person, "erasure-after-test")).containsExactly(person.givenName(), person.familyName(),
                person.postalCode(), person.comment(), "US-CA", "false");
    }

    @Test
    void aRequestThatNamesNobodyIsSetAside() {
        PersonErasure nobody = erasureOf(null, Instant.now());
        String key = "no-person-" + nobody.erasureId();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PEOPLE_ERASURES, key, nobody);
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.read(
                            Topics.deadLetterOf(Topics.PEOPLE_ERASURES), 1000, Duration.ofMillis(500)).stream()
                    .anyMatch(record -> key.equals(record.key())));
        }
    }

    /** Every text-like column of every table of the schema holding one of the person's values, once per row. */
    private List<String> tracesOf(Person person) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String[] column : textColumns(connection)) {
                String sql = "select count(*) from reporting." + column[0] + " where " + column[1]
                        + "::text like '%' || ? || '%'";
                for (String trace : person.traces()) {
                    try (PreparedStatement query = connection.prepareStatement(sql)) {
                        query.setString(1, trace);
                        try (ResultSet count = query.executeQuery()) {
                            count.next();
                            for (int row = 0; row < count.getInt(1); row++) {
                                found.add(column[0] + "." + column[1]);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String[]> textColumns(Connection connection) throws Exception {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t using (table_schema, table_name)
                where c.table_schema = 'reporting' and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
                order by 1, 2""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        assertThat(columns).as("the scan covers the signer list").isNotEmpty();
        return columns;
    }

    /** Names, postal code, comment, region and whether the row is marked erased. */
    private List<String> signerRow(Person person, String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select s.given_name, s.family_name, s.postal_code, s.comment, s.region,
                               (s.erased_at is not null)::text as erased
                        from reporting.signer s where s.petition_slug = ?""")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a signer row on " + slug).isTrue();
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= 6; column++) {
                    values.add(row.getString(column));
                }
                assertThat(row.next()).as("one signer row on " + slug).isFalse();
                return values;
            }
        }
    }

    /** What the public and the organizers see of each petition: the stats and the breakdowns. */
    private static Map<String, String> figures() {
        Map<String, String> figures = new TreeMap<>();
        for (String slug : PETITIONS) {
            figures.put(slug + " stats", admin("/api/admin/petitions/" + slug + "/stats"));
            figures.put(slug + " breakdown", admin("/api/admin/petitions/" + slug + "/breakdown"));
            figures.put(slug + " total", given().get("/api/petitions/" + slug + "/total").path("total").toString());
        }
        return figures;
    }

    private static String admin(String path) {
        return given().header("Authorization", PetitionCatalogTest.ADMIN).get(path).then().statusCode(200).extract()
                .asString();
    }
}
