package org.petitionpipeline.reporting.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.access.ConsoleAuthTest;
import org.petitionpipeline.reporting.access.ConsoleSessions;
import org.petitionpipeline.reporting.counting.RejectionCountsTest;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.PipelineTopics;

/** The ops console's figures against a real broker and database: counts, rates, lag, dead letters, email backlog. */
@QuarkusTest
class OpsFiguresTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static JsonPath figures(String session) {
        return given().cookie(ConsoleSessions.COOKIE, session).accept("application/json").get("/ops/figures")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath figures, String path) {
        Number value = figures.get(path);
        return value == null ? 0 : value.longValue();
    }

    @Test
    void figuresFollowWhatTheTopicsTheGroupsAndTheDatabaseHold() throws Exception {
        PetitionCatalogTest.createPetition("ops-figures-test");
        String session = ConsoleAuthTest.logIn(ConsoleAuthTest.OPS_TOKEN);
        JsonPath before = figures(session);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers); Admin admin = Admin.create(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            for (int i = 0; i < 30; i++) {
                kafka.sendRaw(Topics.SIGNATURES_SUBMITTED, "ops-figures-test:s" + i, "{}");
            }
            for (int i = 0; i < 20; i++) {
                // dedup publishes each accepted signature whole and counted; the ops figures read only the offsets
                // of the whole one, which this service never reads
                CountedSignature accepted = TotalsTest.accepted("ops-figures-test", UUID.randomUUID(), "a" + i);
                kafka.sendRaw(Topics.SIGNATURES_ACCEPTED, accepted.key(), "{}");
                kafka.send(Topics.SIGNATURES_COUNTED, accepted.key(), accepted);
            }
            for (int i = 0; i < 4; i++) {
                RejectedSignature duplicate = RejectionCountsTest.rejected("ops-figures-test", "d" + i,
                        RejectionReason.DUPLICATE);
                kafka.send(Topics.SIGNATURES_REJECTED, duplicate.key(), duplicate);
            }
            kafka.sendRaw(Topics.deadLetterOf(Topics.SIGNATURES_SUBMITTED), "poison", "not json");
            // a group that has read nothing of signatures.submitted, and an email-service that has read nothing
            commitAtStart(admin, "ops-test-idle-group", Topics.SIGNATURES_SUBMITTED);
            commitAtStart(admin, "email-service", Topics.SIGNATURES_ACCEPTED);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath now = figures(session);
            assertThat(count(now, "counts.submitted") - count(before, "counts.submitted")).isEqualTo(30);
            assertThat(count(now, "counts.accepted") - count(before, "counts.accepted")).isEqualTo(20);
            assertThat(count(now, "counts.rejected") - count(before, "counts.rejected")).isEqualTo(4);
            assertThat(count(now, "counts.counted") - count(before, "counts.counted")).isEqualTo(20);
            assertThat(count(now, "rejected_by_reason.DUPLICATE") - count(before, "rejected_by_reason.DUPLICATE"))
                    .isEqualTo(4);
            assertThat(count(now, "dead_letters.'signatures.submitted.dlq'")
                    - count(before, "dead_letters.'signatures.submitted.dlq'")).isEqualTo(1);
            assertThat(count(now, "consumer_groups.find { it.group == 'ops-test-idle-group' }.lag"))
                    .isEqualTo(count(now, "counts.submitted"));
            assertThat(count(now, "email_backlog")).isEqualTo(count(now, "counts.accepted"));
            assertThat(count(now, "consumer_groups.find { it.group == 'reporting-service' }.lag")).isZero();
            List<Map<String, Object>> history = now.getList("history");
            assertThat(history).anySatisfy(point -> assertThat(((Map<?, ?>) point.get("rates")).get("submitted"))
                    .isInstanceOfSatisfying(Number.class, rate -> assertThat(rate.doubleValue()).isPositive()));
        });
    }

    private static void commitAtStart(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int partition = 0; partition < PipelineTopics.SIGNATURE_PARTITIONS; partition++) {
            offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(0));
        }
        admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
    }
}
