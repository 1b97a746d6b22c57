package org.petitionpipeline.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.deploy.PackagedService;
import org.petitionpipeline.deploy.PinnedImage;
import org.petitionpipeline.deploy.Repository;
import org.petitionpipeline.testsupport.configreference.DeploymentVariables;

/**
 * deploy/image/Dockerfile.jvm against what it is built from: each service's packaged application, and the port and
 * memory the service runs with in a container. No image is built here (no container engine).
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Dockerfile.SERVICES;
    private static final String RUNNER = "/deployments/quarkus-run.jar";

    private final Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyCopySourceIsInTheServicesPackagedApplication(Service service) throws IOException {
        PackagedService packaged = PackagedService.of(service);

        for (Dockerfile.Copy copy : dockerfile.copies()) {
            for (String source : copy.sources()) {
                assertThat(matches(packaged.module(), source))
                        .as("%s: COPY source %s in %s", DOCKERFILE, source, packaged.module()).isNotEmpty();
            }
        }
    }

    @Test
    void theDependenciesAreALayerBeneathTheApplication() {
        List<String> sources = dockerfile.copies().stream().map(copy -> copy.sources().get(0)).toList();

        assertThat(sources).containsExactly("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void theEntrypointRunsTheFastJarsRunnerTheImageCopiesIn(Service service) {
        PackagedService packaged = PackagedService.of(service);

        assertThat(dockerfile.last("ENTRYPOINT")).hasValueSatisfying(
                entrypoint -> assertThat(entrypoint).contains("/opt/jboss/container/java/run/run-java.sh"));
        assertThat(dockerfile.environment()).containsEntry("JAVA_APP_JAR", RUNNER);
        assertThat(dockerfile.copies()).contains(new Dockerfile.Copy(List.of("target/quarkus-app/*.jar"), "/deployments/"));
        assertThat(packaged.module().resolve("target/quarkus-app/quarkus-run.jar")).isRegularFile();
    }

    @Test
    void runsAsAnUnprivilegedNumericUser() {
        assertThat(dockerfile.last("USER")).hasValueSatisfying(user -> {
            assertThat(user).as("a numeric user: Kubernetes' runAsNonRoot can check it").matches("\\d+");
            assertThat(Integer.parseInt(user)).isPositive();
        });
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void exposesThePortTheServiceListensOnInTheContainer(Service service) {
        String port = dockerfile.environment().get("QUARKUS_HTTP_PORT");

        assertThat(DeploymentVariables.documented(Repository.file("docs/configuration.md"), service.module()))
                .as("%s reads QUARKUS_HTTP_PORT", service.module()).contains("QUARKUS_HTTP_PORT");
        assertThat(dockerfile.all("EXPOSE")).containsExactly(port);
    }

    @Test
    void sizesTheHeapFromTheContainersMemoryLimit() {
        assertThat(dockerfile.environment()).hasEntrySatisfying("JAVA_MAX_MEM_RATIO",
                ratio -> assertThat(Integer.parseInt(ratio)).isBetween(50, 80));
        assertThat(String.join(" ", dockerfile.environment().values()))
                .as("a fixed heap would ignore the container's limit").doesNotContain("-Xmx");
    }

    @Test
    void theBaseImageIsPinnedToARelease() {
        assertThat(dockerfile.all("FROM")).singleElement().matches(PinnedImage::isPinned, "a pinned image");
    }

    @Test
    void theImageSaysWhichServiceAndVersionItHolds() {
        assertThat(dockerfile.all("LABEL")).singleElement().asString()
                .contains("org.opencontainers.image.title=\"${SERVICE}\"")
                .contains("org.opencontainers.image.version=\"${VERSION}\"");
    }

    @Test
    void theBuildScriptBuildsEveryServiceFromThisDockerfile() throws IOException {
        String script = Files.readString(Repository.file("deploy/image/build-images.sh"));

        assertThat(script).contains("-f deploy/image/Dockerfile.jvm");
        Stream.of(Service.values()).forEach(service -> assertThat(script).contains(service.module()));
    }

    private static List<Path> matches(Path context, String source) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + stripTrailingSlash(source));
        try (Stream<Path> files = Files.walk(context.resolve("target/quarkus-app"), 1)) {
            return files.filter(file -> matcher.matches(context.relativize(file))).toList();
        }
    }

    private static String stripTrailingSlash(String source) {
        return source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
    }
}
