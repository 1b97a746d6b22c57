package org.petitionpipeline.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.deploy.Repository;
import org.petitionpipeline.testsupport.configreference.DeploymentVariables;

/**
 * The services' environment in the Compose file against what each service reads: docs/configuration.md, which each
 * service's ConfigurationReferenceTest holds to its application.properties and config mappings, and the secrets
 * without which its production profile does not start.
 */
class ComposeEnvironmentTest {

    private static final Path REFERENCE = Repository.file("docs/configuration.md");
    /** {@code ${VARIABLE}}, {@code ${VARIABLE:?message}} or {@code ${VARIABLE:-default}}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    /**
     * The database password: a Quarkus extension setting with no default, so not in application.properties, and
     * the Compose file's PostgreSQL takes no login without it.
     */
    private static final String DATABASE_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyVariableSetOnAServiceIsOneTheServiceReads(Service service) {
        Set<String> documented = DeploymentVariables.documented(REFERENCE, service.module());

        assertThat(environmentOf(service).keySet())
                .as("variables of %s in %s that docs/configuration.md does not list for it", service.module(),
                        DockerCompose.FILE)
                .isSubsetOf(documented);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everySecretTheServiceRequiresIsSet(Service service) {
        Path properties = Repository.file(service.module() + "/src/main/resources/application.properties");
        Set<String> required = new TreeSet<>(DeploymentVariables.required(properties));
        if (environmentOf(service).containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
            required.add(DATABASE_PASSWORD);
        }

        assertThat(environmentOf(service)).as("the environment of %s", service.module())
                .containsKeys(required.toArray(String[]::new))
                .allSatisfy((variable, value) -> assertThat(value).as(variable).isNotBlank());
    }

    @Test
    void everyInterpolatedVariableHasAnExampleSetting() throws IOException {
        Set<String> interpolated = new TreeSet<>();
        for (String line : Files.readAllLines(DockerCompose.FILE)) {
            // Compose does not interpolate comments
            Matcher interpolation = INTERPOLATION.matcher(line.strip().startsWith("#") ? "" : line);
            while (interpolation.find()) {
                interpolated.add(interpolation.group(1));
            }
        }

        assertThat(exampleSettings().keySet()).as(DockerCompose.EXAMPLE_SETTINGS.toString())
                .containsAll(interpolated);
    }

    @Test
    void thePublicAddressesAreOnThePublishedPorts() {
        assertThat(portOf(environmentOf(Service.EMAIL).get("EMAIL_PUBLIC_URL")))
                .isEqualTo(publishedPort(Service.EMAIL));
        assertThat(portOf(environmentOf(Service.REPORTING).get("REPORTING_PUBLIC_URL")))
                .isEqualTo(publishedPort(Service.REPORTING));
        assertThat(portOf(environmentOf(Service.SIGNATURE_INTAKE).get("INTAKE_EMBED_TOTALS_URL")))
                .as("the widget reads the total from reporting").isEqualTo(publishedPort(Service.REPORTING));
    }

    private static Map<String, String> environmentOf(Service service) {
        Map<String, String> environment = new TreeMap<>();
        DockerCompose.service(service.module()).path("environment").fields()
                .forEachRemaining(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
        return environment;
    }

    private static int publishedPort(Service service) {
        JsonNode ports = DockerCompose.service(service.module()).path("ports");
        assertThat(ports).as("published ports of %s", service.module()).hasSize(1);
        return ports.get(0).path("published").asInt();
    }

    private static int portOf(String url) {
        assertThat(url).as("a public address").isNotNull();
        return URI.create(url).getPort();
    }

    private static Map<String, String> exampleSettings() throws IOException {
        Map<String, String> settings = new TreeMap<>();
        for (String line : Files.readAllLines(DockerCompose.EXAMPLE_SETTINGS)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                settings.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return settings;
    }
}
