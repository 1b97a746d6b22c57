package org.petitionpipeline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Topics;

class InfrastructureTest {

    @Test
    void brokerTakesAndServesRecordsOnThePipelineTopics() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            PipelineTopics.create(broker.bootstrapServers());
            PipelineTopics.create(broker.bootstrapServers());

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Set.of(Topics.SIGNATURES_SUBMITTED))
                        .allTopicNames().get(10, TimeUnit.SECONDS);
                assertThat(topics.get(Topics.SIGNATURES_SUBMITTED).partitions())
                        .hasSize(PipelineTopics.SIGNATURE_PARTITIONS);
            }

            Properties producerConfig = new Properties();
            producerConfig.put("bootstrap.servers", broker.bootstrapServers());
            producerConfig.put("acks", "all");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.PETITIONS, "demo", "{}")).get(10, TimeUnit.SECONDS);
            }

            Properties consumerConfig = new Properties();
            consumerConfig.put("bootstrap.servers", broker.bootstrapServers());
            consumerConfig.put("group.id", "infrastructure-test");
            consumerConfig.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.PETITIONS));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int polls = 0; polls < 20 && records.isEmpty(); polls++) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.count()).isEqualTo(1);
                assertThat(records.iterator().next().key()).isEqualTo("demo");
            }
        }
    }

    @Test
    void postgresAnswersQueries() throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
                Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl(), postgres.username(), postgres.password());
                ResultSet result = connection.createStatement().executeQuery("select version()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).startsWith("PostgreSQL");
        }
    }

    @Test
    void environmentDatasourceWinsOverTheEmbeddedServer() {
        PostgresServer external = PostgresServer.fromEnvironment(Map.of(
                PostgresServer.JDBC_URL_VARIABLE, "jdbc:postgresql://db.internal:5432/petitions",
                "QUARKUS_DATASOURCE_USERNAME", "pipeline")).orElseThrow();

        assertThat(external.isEmbedded()).isFalse();
        assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/petitions");
        assertThat(external.username()).isEqualTo("pipeline");
        assertThat(PostgresServer.fromEnvironment(Map.of())).isEmpty();
    }
}
