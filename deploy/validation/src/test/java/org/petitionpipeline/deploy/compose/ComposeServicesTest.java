package org.petitionpipeline.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.deploy.PinnedImage;
import org.petitionpipeline.deploy.Repository;
import org.petitionpipeline.deploy.image.Dockerfile;

/** How the Compose file builds, starts and probes the services, and what else it runs. */
class ComposeServicesTest {

    private static final String CONTAINER_PORT = Dockerfile.read(Dockerfile.SERVICES).environment()
            .get("QUARKUS_HTTP_PORT");
    private static final Path COMPOSE_DIRECTORY = DockerCompose.FILE.getParent();

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceIsBuiltFromTheSharedDockerfileWithItsModuleAsContext(Service service) {
        JsonNode build = DockerCompose.service(service.module()).path("build");
        Path context = Path.of(build.path("context").asText());

        assertThat(context).isEqualTo(Repository.file(service.module()));
        assertThat(context.resolve(build.path("dockerfile").asText()).normalize()).isEqualTo(Dockerfile.SERVICES);
        assertThat(DockerCompose.service(service.module()).path("image").asText())
                .startsWith("petition-pipeline/" + service.module() + ":");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceIsProbedOnItsReadinessAtThePortItListensOnInTheContainer(Service service) {
        JsonNode node = DockerCompose.service(service.module());
        List<String> probe = new ArrayList<>();
        node.path("healthcheck").path("test").forEach(word -> probe.add(word.asText()));

        assertThat(probe).as("the health check of %s", service.module()).startsWith("CMD", "curl")
                .contains("--fail", "http://localhost:" + CONTAINER_PORT + "/q/health/ready");
        assertThat(node.path("ports").findValuesAsText("target")).containsExactly(CONTAINER_PORT);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceStartsOnceTheTopicsExistAndWhatItUsesIsHealthy(Service service) {
        Map<String, String> conditions = dependenciesOf(service.module());

        assertThat(conditions).containsEntry("kafka-topics", "service_completed_successfully");
        conditions.forEach((dependency, condition) -> {
            if (!dependency.equals("kafka-topics")) {
                assertThat(condition).as("%s waits for %s", service.module(), dependency).isEqualTo("service_healthy");
                assertThat(DockerCompose.service(dependency).has("healthcheck") || dependency.equals("mailpit"))
                        .as("%s has a health check to wait for (Mailpit's image has its own)", dependency).isTrue();
            }
        });
        if (DockerCompose.service(service.module()).path("environment").has("QUARKUS_DATASOURCE_JDBC_URL")) {
            assertThat(conditions).containsKey("postgres");
        }
        if (DockerCompose.service(service.module()).path("environment").has("QUARKUS_MAILER_HOST")) {
            assertThat(conditions).containsKey("mailpit");
        }
    }

    @Test
    void everyImageIsPinnedToARelease() {
        DockerCompose.resolved().path("services").fields().forEachRemaining(service -> {
            if (!service.getValue().has("build")) {
                assertThat(service.getValue().path("image").asText()).as(service.getKey())
                        .matches(PinnedImage::isPinned, "a pinned image");
            }
        });
    }

    @Test
    void everyFileThisDeploymentMountsIsInIt() {
        DockerCompose.resolved().path("services").findValues("volumes").forEach(volumes -> volumes.forEach(volume -> {
            Path source = Path.of(volume.asText().split(":")[0]);
            if (source.isAbsolute() && source.startsWith(COMPOSE_DIRECTORY)) {
                assertThat(source).exists();
            }
        }));
    }

    private static Map<String, String> dependenciesOf(String service) {
        Map<String, String> conditions = new TreeMap<>();
        DockerCompose.service(service).path("depends_on").fields().forEachRemaining(
                dependency -> conditions.put(dependency.getKey(), dependency.getValue().path("condition").asText()));
        return conditions;
    }
}
