package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {

    @TempDir
    Path directory;

    @Test
    void eachServiceGetsItsOwnScramUserOverTlsAsKafkaEnvironmentVariables() throws Exception {
        KafkaSecurity security = KafkaSecurity.generate(directory);

        Map<String, String> intake = security.serviceEnvironment(PipelineService.INTAKE);
        Map<String, String> dedup = security.serviceEnvironment(PipelineService.DEDUP);

        assertThat(intake).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", directory.resolve("ca.pem").toString());
        assertThat(intake.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"signature-intake\"");
        assertThat(dedup.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"dedup-service\"")
                .isNotEqualTo(intake.get("KAFKA_SASL_JAAS_CONFIG").replace("signature-intake", "dedup-service"));
        assertThat(Files.readString(directory.resolve("ca.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void theStorageFormatCreatesEveryUserAndTheBrokerAuthenticatesAsItsOwn() throws Exception {
        KafkaSecurity security = KafkaSecurity.generate(directory);

        assertThat(String.join(" ", security.scramUsersForFormat())).contains("name=kafka-broker,",
                "name=local-launcher,", "name=signature-intake,", "name=dedup-service,", "name=email-service,",
                "name=reporting-service,");
        assertThat(security.brokerSettings("CLIENTS"))
                .containsKey("listener.name.clients.scram-sha-512.sasl.jaas.config")
                .containsEntry("ssl.keystore.location", directory.resolve("server.p12").toString());
        Properties client = new Properties();
        try (var in = Files.newBufferedReader(directory.resolve("client.properties"))) {
            client.load(in);
        }
        assertThat(client.getProperty("sasl.jaas.config")).contains("username=\"local-launcher\"");
    }
}
