package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.launcher.Topology;
import org.petitionpipeline.testsupport.FreePorts;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * The whole pipeline against a broker that requires SCRAM-SHA-512 over TLS, with certificates and users made at
 * start ({@code ./run-local.sh --secure}): a signature reaches the public total, so every service connected with
 * its own user and its ACLs let it do its work; a service's user can do nothing else; a client without credentials
 * gets nothing; a service with a wrong password never becomes ready and its readiness says why.
 */
class SecureKafkaIT {

    private static LocalPipeline pipeline;
    private static PipelineUser user;

    @BeforeAll
    static void startPipeline() {
        pipeline = PipelineUser.startPipeline("secure-run", new Topology(1, 1, true));
        user = new PipelineUser(pipeline);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aSignatureTravelsThroughEveryServiceOverScramAndTls() throws Exception {
        assertThat(pipeline.kafkaClientConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");

        long before = user.total();
        HttpResponse<String> signed = user.sign("""
                {"person": {"given_name": "Ada", "email_addresses": [{"address": "ada@example.org"}]},
                 "consent": {"email_updates": false}}""");

        assertThat(signed.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> user.total() == before + 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !user.mailOf("ada@example.org").isEmpty());
    }

    @Test
    void aClientWithoutCredentialsGetsNothingFromTheBroker() {
        Map<String, Object> plaintext = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
        }
    }

    @Test
    void intakesUserCanNeitherForgeNorReadAcceptedSignatures() {
        try (KafkaTestClient intake = new KafkaTestClient(connectionOf(PipelineService.INTAKE))) {
            assertThatThrownBy(() -> intake.sendRaw(Topics.SIGNATURES_ACCEPTED, "petition:forged", "{}"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> intake.readAllValues(Topics.SIGNATURES_ACCEPTED, String.class))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void reportingsUserReadsCountedSignaturesButNeverTheAddressesOfAcceptedOnes() throws Exception {
        long before = user.total();
        assertThat(user.sign("""
                {"person": {"given_name": "Grace", "email_addresses": [{"address": "grace@example.org"}]},
                 "consent": {"email_updates": false}}""").statusCode()).isEqualTo(202);
        // counted: both topics hold the signature, so reading one means fetching records, not just finding it empty
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> user.total() == before + 1);
        try (KafkaTestClient reporting = new KafkaTestClient(connectionOf(PipelineService.REPORTING))) {
            assertThat(reporting.readAllValues(Topics.SIGNATURES_COUNTED, JsonNode.class))
                    .anySatisfy(counted -> assertThat(counted.toString()).contains("Grace")
                            .doesNotContain("grace@example.org"));
            assertThatThrownBy(() -> reporting.readAllValues(Topics.SIGNATURES_ACCEPTED, String.class))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** The Kafka connection a service gets from the launcher: its own user and password. */
    private Map<String, Object> connectionOf(PipelineService service) {
        Map<String, Object> connection = new HashMap<>(pipeline.kafkaClientConfig());
        connection.put("sasl.jaas.config", pipeline.environmentOf(service, FreePorts.next())
                .get("KAFKA_SASL_JAAS_CONFIG"));
        connection.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return connection;
    }

    @Test
    void aServiceWithAWrongPasswordIsNotReadyAndItsReadinessNamesTheCause() throws Exception {
        int port = FreePorts.next();
        Map<String, String> environment = new HashMap<>(pipeline.environmentOf(PipelineService.INTAKE, port));
        environment.put("KAFKA_SASL_JAAS_CONFIG", environment.get("KAFKA_SASL_JAAS_CONFIG")
                .replaceFirst("password=\"[^\"]*\"", "password=\"not-the-password\""));
        Path home = pipeline.settings().home();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", PipelineService.INTAKE.runnableJar(home).toString()));
        Path log = pipeline.settings().logDir().resolve("signature-intake-wrong-password.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process intake = builder.start();
        try {
            URI readiness = URI.create("http://localhost:" + port + "/q/health/ready");
            HttpResponse<String> notReady = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> readinessOf(readiness), answer -> answer != null && answer.statusCode() == 503
                            && answer.body().contains("Authentication failed"));

            assertThat(notReady.body()).contains("Kafka connection health check", "invalid credentials", "SCRAM-SHA-512");
            assertThat(intake.isAlive()).isTrue();
        } finally {
            intake.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> readinessOf(URI readiness) {
        try {
            return PipelineUser.send(HttpRequest.newBuilder(readiness).GET().build());
        } catch (Exception notListeningYet) {
            return null;
        }
    }
}
