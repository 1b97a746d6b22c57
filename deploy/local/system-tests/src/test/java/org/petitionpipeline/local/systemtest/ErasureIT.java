package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;
import org.petitionpipeline.local.launcher.DemoPetition;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * A person's erasure through the four packaged services: they sign three petitions, subscribe and get an organizer's
 * update; ops file the erasure while others keep signing; then every text column of every table in every schema and
 * every record still in Kafka is searched for anything that names them. Only the topics the privacy notice names as
 * kept for their retention may still hold it; the totals do not move, and nobody else's signature is lost.
 */
class ErasureIT {

    private static final List<String> PETITIONS = List.of(DemoPetition.SLUG, "erasure-a", "erasure-b");
    /** What names the person, as they typed it and as the services store it. */
    private static final String ADDRESS = "zephyrine.quillfeather@example.org";
    private static final String GIVEN_NAME = "Zephyrine";
    private static final String FAMILY_NAME = "Quillfeather";
    private static final String POSTAL_CODE = "59801";
    private static final String COMMENT = "Zephyrine thinks the hearing was a farce";
    private static final String CLIENT_IP = "10.231.77.19";
    private static final String USER_AGENT = "ZephyrineBrowser/7.3";
    private static final List<String> NEEDLES = List.of(ADDRESS, GIVEN_NAME, FAMILY_NAME, POSTAL_CODE, COMMENT,
            CLIENT_IP, USER_AGENT);
    /**
     * Signature events carry the signer, and the services' answers to an access request carry what they held, until
     * their retention ends (TopicCatalogue.longestSurvival(), docs/privacy.md).
     */
    private static final Set<String> KEPT_UNTIL_RETENTION = Set.of(Topics.SIGNATURES_SUBMITTED,
            Topics.SIGNATURES_ACCEPTED, Topics.SIGNATURES_COUNTED, Topics.PEOPLE_ACCESS_REPORTS);
    /**
     * What docs/privacy.md allows to stay: dedup's fraud counters per source address, which name no person and live
     * for two counting windows.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.of(CLIENT_IP, Set.of("dedup.hold_count.source"));
    private static final int OTHERS_DURING_ERASURE = 300;
    private static final Duration PROMISED = Duration.ofSeconds(60);

    private static LocalPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = PipelineUser.startPipeline("erasure-run");
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void afterAnErasureNothingInAnyTableOrTopicNamesThePersonAndEveryTotalIsUnchanged() throws Exception {
        for (String slug : PETITIONS.subList(1, PETITIONS.size())) {
            createPetition(slug);
        }
        for (String slug : PETITIONS) {
            assertThat(sign(slug, person(GIVEN_NAME, FAMILY_NAME, ADDRESS, POSTAL_CODE), COMMENT, CLIENT_IP, USER_AGENT)
                    .statusCode()).isEqualTo(202);
            assertThat(sign(slug, person("Other", "Signer", "other.signer@example.org", "20500"), "Another view",
                    "10.9.8.7", "OtherBrowser/1.0").statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> PETITIONS.stream().allMatch(slug -> total(slug) == 2));
        PipelineUser user = new PipelineUser(pipeline);
        // the receipts: email recorded the consents with them, so the update below has its subscribers (reporting's
        // totals say nothing of how far email has come)
        await().atMost(Duration.ofSeconds(60)).until(() -> user.mailOf(ADDRESS).size() >= PETITIONS.size());
        postUpdate(DemoPetition.SLUG);
        await().atMost(Duration.ofSeconds(60)).until(() -> user.mailOf(ADDRESS).size() >= PETITIONS.size() + 1);
        assertThat(tablesNaming(ADDRESS)).as("the scan finds what is there").isNotEmpty();
        String before = export();
        for (String needle : NEEDLES) {
            assertThat(before).as("the export before the erasure").containsIgnoringCase(needle);
        }

        ExecutorService others = Executors.newFixedThreadPool(4);
        List<Future<Integer>> signed = new ArrayList<>();
        for (int other = 0; other < OTHERS_DURING_ERASURE; other++) {
            int n = other;
            signed.add(others.submit(() -> sign(DemoPetition.SLUG, person("Crowd", "Member " + n,
                    "crowd" + n + "@example.org", "20500"), null, "10.1." + (n / 200) + "." + (n % 200), "Crowd/1.0")
                    .statusCode()));
        }
        Instant requested = Instant.now();
        HttpResponse<String> filed = Http.postJson(pipeline.url(PipelineService.EMAIL).resolve("/api/admin/erasures"),
                """
                {"email": "%s", "channel": "LETTER", "filed_by": "ErasureIT", "reference": "letter of %s"}"""
                        .formatted(ADDRESS.toUpperCase(), requested), operatorAccessToken());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        URI status = URI.create(filed.headers().firstValue("Location").orElseThrow());
        JsonNode done = await().atMost(PROMISED).pollInterval(Duration.ofMillis(200))
                .until(() -> PipelineUser.JSON.readTree(get(status).body()), node -> node.get("waiting_for").isEmpty());
        double seconds = done.get("seconds_to_complete").asDouble();
        System.out.printf("erasure: every service done %.2f s after the request, while %d others signed%n", seconds,
                OTHERS_DURING_ERASURE);
        for (Future<Integer> answer : signed) {
            assertThat(answer.get()).isEqualTo(202);
        }
        others.shutdown();
        assertThat(seconds).as("every service done within the promised minute").isLessThan(PROMISED.toSeconds());
        assertThat(done.get("done").findValuesAsText("service")).containsExactlyInAnyOrder("dedup-service",
                "email-service", "reporting-service");

        await().atMost(Duration.ofSeconds(60)).until(() -> total(DemoPetition.SLUG) == 2 + OTHERS_DURING_ERASURE);
        assertThat(PETITIONS.subList(1, PETITIONS.size())).allMatch(slug -> total(slug) == 2);
        for (String needle : NEEDLES) {
            assertThat(tablesNaming(needle)).as("columns still holding %s", needle)
                    .isSubsetOf(ALLOWED.getOrDefault(needle, Set.of()));
        }
        assertThat(tablesNaming("other.signer@example.org")).as("someone else's data is untouched").isNotEmpty();
        String after = export();
        for (String needle : NEEDLES) {
            assertThat(after).as("the export after the erasure").doesNotContainIgnoringCase(needle);
        }
        Map<String, Set<String>> inKafka = topicsNaming(NEEDLES);
        inKafka.forEach((needle, topics) -> assertThat(topics).as("topics holding %s", needle)
                .isSubsetOf(KEPT_UNTIL_RETENTION));
        assertThat(inKafka.get(GIVEN_NAME)).as("reporting's topic names signers").contains(Topics.SIGNATURES_COUNTED);
        for (String unneeded : List.of(ADDRESS, CLIENT_IP, USER_AGENT)) {
            assertThat(inKafka.getOrDefault(unneeded, Set.of())).as("reporting never receives %s", unneeded)
                    .doesNotContain(Topics.SIGNATURES_COUNTED);
        }
        assertThat(TopicCatalogue.find(Topics.SIGNATURES_ACCEPTED).flatMap(TopicDefinition::retention))
                .as("what stays in Kafka stays only for its retention").isPresent();

        int mailsBefore = user.mailOf(ADDRESS).size();
        postUpdate(DemoPetition.SLUG);
        await().atMost(Duration.ofSeconds(30)).until(() -> user.mailOf("other.signer@example.org").size() >= 5);
        assertThat(user.mailOf(ADDRESS)).as("an erased person is never mailed again").hasSize(mailsBefore);
    }

    /** What ops receive for the person's access request, once every service answered, as JSON text. */
    private static String export() throws Exception {
        HttpResponse<String> filed = Http.postJson(pipeline.url(PipelineService.EMAIL)
                        .resolve("/api/admin/access-requests"),
                "{\"email\": \"%s\", \"channel\": \"EMAIL\", \"filed_by\": \"ErasureIT\"}".formatted(ADDRESS),
                operatorAccessToken());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        URI status = URI.create(filed.headers().firstValue("Location").orElseThrow());
        JsonNode answered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> PipelineUser.JSON.readTree(get(status).body()), node -> node.get("waiting_for").isEmpty());
        return answered.get("export").toString();
    }

    private static void createPetition(String slug) {
        String definition = """
                {"slug": "%s", "title": "Petition %s", "text": "Act now.",
                 "targets": [{"name": "City Council", "title": "Council"}], "goal": 100}""".formatted(slug, slug);
        HttpResponse<String> created = Http.postJson(pipeline.url(PipelineService.REPORTING)
                .resolve("/api/admin/petitions"), definition, pipeline.settings().secrets().adminToken());
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(pipeline.url(PipelineService.INTAKE)
                .resolve("/api/petitions/" + slug)).statusCode() == 200);
    }

    private static String person(String given, String family, String address, String postalCode) {
        return """
                {"given_name": "%s", "family_name": "%s", "email_addresses": [{"address": "%s"}],
                 "postal_addresses": [{"postal_code": "%s", "country": "US"}]}"""
                .formatted(given, family, address, postalCode);
    }

    private static HttpResponse<String> sign(String slug, String person, String comment, String ip, String userAgent)
            throws Exception {
        String body = """
                {"person": %s, "comments": %s, "consent": {"email_updates": true},
                 "referrer_data": {"source": "erasure-it", "url": "https://news.example/%s"}}"""
                .formatted(person, comment == null ? "null" : PipelineUser.JSON.writeValueAsString(comment), slug);
        return PipelineUser.send(HttpRequest.newBuilder(pipeline.url(PipelineService.INTAKE)
                        .resolve("/api/petitions/" + slug + "/signatures"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void postUpdate(String slug) {
        HttpResponse<String> posted = Http.postJson(pipeline.url(PipelineService.EMAIL)
                        .resolve("/api/admin/petitions/" + slug + "/updates"),
                "{\"subject\": \"News of the hearing\", \"body\": \"It moved to Thursday.\"}",
                operatorAccessToken());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    }

    private static long total(String slug) {
        try {
            HttpResponse<String> response = get(pipeline.url(PipelineService.REPORTING)
                    .resolve("/api/petitions/" + slug + "/total"));
            return response.statusCode() == 200 ? PipelineUser.JSON.readTree(response.body()).get("total").asLong() : -1;
        } catch (Exception notYet) {
            return -1;
        }
    }

    /** Reads an admin API of any service with an access token: reporting's, email's and dedup's take one. */
    private static HttpResponse<String> get(URI uri) throws Exception {
        return PipelineUser.send(HttpRequest.newBuilder(uri).header("Authorization",
                "Bearer " + operatorAccessToken()).GET().build());
    }

    /** The organizer token (a platform operator owning the test's petitions) traded for an access token. */
    private static String operatorAccessToken() {
        return pipeline.accessToken(pipeline.settings().secrets().adminToken());
    }

    /** Every {@code schema.table.column} of text (or anything cast to text) holding {@code needle}, any case. */
    private static Set<String> tablesNaming(String needle) throws Exception {
        PostgresServer postgres = pipeline.postgres();
        Set<String> found = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select c.table_schema, c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
                      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'inet')""");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
            for (String[] column : columns) {
                String sql = "select count(*) from \"%s\".\"%s\" where \"%s\"::text ~* ?"
                        .formatted(column[0], column[1], column[2]);
                try (PreparedStatement count = connection.prepareStatement(sql)) {
                    count.setString(1, regexNaming(needle));
                    try (ResultSet rows = count.executeQuery()) {
                        if (rows.next() && rows.getLong(1) > 0) {
                            found.add(String.join(".", column));
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * A regular expression, the same in PostgreSQL and Java, that finds the needle as written. A needle of hexadecimal
     * digits only (the postal code) must stand on its own: inside a longer run of letters and digits it is a piece of
     * someone else's hash, which holds any five given digits often enough to fail one run in ten.
     */
    private static String regexNaming(String needle) {
        String literal = needle.replaceAll("([^0-9A-Za-z])", "\\\\$1");
        return needle.matches("[0-9A-Fa-f]+") ? "(^|[^0-9A-Za-z])" + literal + "([^0-9A-Za-z]|$)" : literal;
    }

    /** For each needle, the topics with a record (key, value or header) that holds it, any case. */
    private static Map<String, Set<String>> topicsNaming(List<String> needles) {
        Map<String, Object> config = new HashMap<>(pipeline.kafkaClientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "erasure-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Set<String>> found = new HashMap<>();
        Map<String, Pattern> patterns = new HashMap<>();
        needles.forEach(needle -> patterns.put(needle, Pattern.compile(regexNaming(needle), Pattern.CASE_INSENSITIVE)));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDefinition topic : TopicCatalogue.production()) {
                for (int partition = 0; partition < topic.partitions(); partition++) {
                    partitions.add(new TopicPartition(topic.name(), partition));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder().append(record.key()).append(' ').append(record.value());
                    record.headers().forEach(header -> text.append(' ').append(new String(header.value())));
                    for (String needle : needles) {
                        if (patterns.get(needle).matcher(text).find()) {
                            found.computeIfAbsent(needle, any -> new TreeSet<>()).add(record.topic());
                        }
                    }
                }
            }
        }
        return found;
    }
}
