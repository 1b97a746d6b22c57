package org.petitionpipeline.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;
import org.petitionpipeline.deploy.Repository;
import org.petitionpipeline.deploy.image.Dockerfile;
import org.petitionpipeline.testsupport.configreference.DeploymentVariables;

/**
 * Both overlays of deploy/k8s, rendered by kustomize and read into typed models, hold together: every variable a
 * service is given is one it reads, every secret it requires is given, every Secret and key referenced is one an
 * operator or the deployer makes, every topic has its KafkaTopic and every service its own KafkaUser (whose grants
 * {@link StrimziManifestsTest} holds to the catalogue), probes and ports are the image's, selectors select the pods, and the overlays size what they promise.
 */
class KubernetesManifestsTest {

    private static final List<String> OVERLAYS = List.of("small", "ha");
    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();
    private static final String CONTAINER_PORT = Dockerfile.read(Dockerfile.SERVICES).environment()
            .get("QUARKUS_HTTP_PORT");
    private static final String KAFKA_CA = StrimziManifests.CLUSTER + "-cluster-ca-cert";
    private static final String DATABASE_CA = "petitions-db-ca";

    static Stream<Arguments> servicesOfEachOverlay() {
        return OVERLAYS.stream().flatMap(overlay -> Stream.of(
                        org.petitionpipeline.contracts.topics.Service.values())
                .map(service -> Arguments.of(overlay, service)));
    }

    private static RenderedOverlay overlay(String name) {
        return RENDERED.computeIfAbsent(name, RenderedOverlay::render);
    }

    @ParameterizedTest
    @MethodSource("servicesOfEachOverlay")
    void everyVariableAServiceIsGivenIsOneItReadsAndEverySecretItRequiresIsGiven(String overlayName,
            org.petitionpipeline.contracts.topics.Service service) {
        RenderedOverlay overlay = overlay(overlayName);
        Set<String> given = environmentOf(overlay, service.module());
        Set<String> documented = DeploymentVariables.documented(Repository.file("docs/configuration.md"),
                service.module());
        Set<String> required = DeploymentVariables.required(
                Repository.file(service.module() + "/src/main/resources/application.properties"));

        assertThat(given).as("variables given to %s that docs/configuration.md does not list for it",
                service.module()).isSubsetOf(documented);
        assertThat(given).as("secrets %s requires", service.module()).containsAll(required);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "ha"})
    void everySecretAndKeyReferencedIsOneTheOperatorsOrTheDeployerMake(String overlayName) throws Exception {
        RenderedOverlay overlay = overlay(overlayName);
        String operations = Files.readString(Repository.file("docs/operations.md"));
        Set<String> strimziUsers = new TreeSet<>(overlay.all(KafkaUser.class).stream()
                .map(user -> user.getMetadata().getName()).toList());
        for (SecretReference reference : secretReferences(overlay)) {
            if (strimziUsers.contains(reference.secret())) {
                assertThat(reference.key()).as(reference.toString()).isIn("password", "sasl.jaas.config");
            } else if (reference.secret().equals(KAFKA_CA) || reference.secret().equals(DATABASE_CA)) {
                assertThat(reference.key()).as(reference.toString()).isEqualTo("ca.crt");
            } else {
                assertThat(operations).as("docs/operations.md tells the deployer to create %s", reference)
                        .contains("`" + reference.secret() + "`").contains("`" + reference.key() + "`");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servicesOfEachOverlay")
    void eachServiceLogsInToKafkaAsItsOwnUser(String overlayName,
            org.petitionpipeline.contracts.topics.Service service) {
        RenderedOverlay overlay = overlay(overlayName);
        EnvVar jaas = container(overlay, service.module()).getEnv().stream()
                .filter(env -> env.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
        KafkaUser user = overlay.named(KafkaUser.class, service.module());

        assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.getMetadata().getName());
        assertThat(user.getSpec().getAuthorization()).isNotNull();
        assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                overlay.all(Kafka.class).get(0).getMetadata().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "ha"})
    void everyCatalogueTopicHasItsKafkaTopicSizedForTheOverlay(String overlayName) {
        RenderedOverlay overlay = overlay(overlayName);
        int replicas = overlayName.equals("ha") ? 3 : 1;
        for (TopicDefinition topic : TopicCatalogue.production()) {
            KafkaTopic manifest = overlay.named(KafkaTopic.class, StrimziManifests.resourceName(topic.name()));
            assertThat(manifest.getSpec().getTopicName()).isEqualTo(topic.name());
            assertThat(manifest.getSpec().getPartitions()).isEqualTo(topic.partitions());
            assertThat(manifest.getSpec().getReplicas()).as(topic.name()).isEqualTo(replicas);
            assertThat(String.valueOf(manifest.getSpec().getConfig().get("min.insync.replicas")))
                    .isEqualTo(String.valueOf(Math.max(1, replicas - 1)));
        }
        assertThat(overlay.all(KafkaTopic.class)).hasSize(TopicCatalogue.production().size());
    }

    @Test
    void theSmallOverlayIsOneDualRoleNodeAndOneDatabaseInstance() {
        RenderedOverlay small = overlay("small");
        assertThat(small.all(KafkaNodePool.class)).singleElement().satisfies(pool -> {
            assertThat(pool.getSpec().getReplicas()).isEqualTo(1);
            assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER,
                    ProcessRoles.BROKER);
        });
        assertThat(kafkaConfig(small)).containsEntry("min.insync.replicas", 1)
                .containsEntry("default.replication.factor", 1);
        assertThat(databaseCluster(small).get("instances")).isEqualTo(1);
    }

    @Test
    void theHaOverlayIsThreeControllersThreeBrokersAndThreeDatabaseInstances() {
        RenderedOverlay ha = overlay("ha");
        assertThat(ha.all(KafkaNodePool.class)).hasSize(2).allSatisfy(pool -> {
            assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
            assertThat(pool.getSpec().getRoles()).hasSize(1);
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", StrimziManifests.CLUSTER);
        });
        assertThat(ha.all(KafkaNodePool.class)).flatMap(pool -> pool.getSpec().getRoles())
                .containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(kafkaConfig(ha)).containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3)
                .containsEntry("unclean.leader.election.enable", false);
        assertThat(databaseCluster(ha).get("instances")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "ha"})
    void everyServiceWithADatabaseHasItsRoleAndItsOwnDatabase(String overlayName) {
        RenderedOverlay overlay = overlay(overlayName);
        Map<String, Object> cluster = databaseCluster(overlay);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) cluster.get("managed"))
                .get("roles");
        List<GenericKubernetesResource> databases = overlay.all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals("Database")).toList();
        for (Deployment deployment : overlay.all(Deployment.class)) {
            Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            app.getEnv().stream().filter(env -> env.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst()
                    .ifPresent(password -> {
                        String secret = password.getValueFrom().getSecretKeyRef().getName();
                        assertThat(roles).as("a managed role whose password is in %s", secret)
                                .anySatisfy(role -> assertThat(role).extracting("passwordSecret")
                                        .isEqualTo(Map.of("name", secret)));
                        String url = value(app, "QUARKUS_DATASOURCE_JDBC_URL");
                        String database = url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
                        assertThat(databases).as("the database %s of %s", database, deployment.getMetadata()
                                .getName()).anySatisfy(db -> assertThat(db.getAdditionalProperties().get("spec"))
                                .extracting("name").isEqualTo(database));
                        assertThat(url).contains("sslmode=verify-full");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "ha"})
    void probesAndPortsAreTheImagesAndEveryServiceSelectsItsPods(String overlayName) {
        RenderedOverlay overlay = overlay(overlayName);
        assertThat(overlay.all(Deployment.class)).hasSize(4);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container app = pod.getContainers().get(0);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

            assertThat(app.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(Integer.valueOf(CONTAINER_PORT));
            });
            assertProbe(app.getReadinessProbe(), "/q/health/ready");
            assertProbe(app.getLivenessProbe(), "/q/health/live");
            assertProbe(app.getStartupProbe(), "/q/health/started");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(app.getResources().getLimits()).containsKey("memory");

            Service service = overlay.named(Service.class, name);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
            PodDisruptionBudget budget = overlay.named(PodDisruptionBudget.class, name);
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(overlay.all(NetworkPolicy.class)).as("a network policy lets the Gateway reach %s", name)
                    .anySatisfy(policy -> assertThat(podLabels)
                            .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels()));
            ServiceMonitor monitor = overlay.all(ServiceMonitor.class).get(0);
            assertThat(monitor.getSpec().getSelector().getMatchExpressions().get(0).getValues()).contains(name);
            assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/q/metrics");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "ha"})
    void everyRouteLeadsToAServiceThatExistsOnItsPort(String overlayName) {
        RenderedOverlay overlay = overlay(overlayName);
        HTTPRoute route = overlay.all(HTTPRoute.class).get(0);
        route.getSpec().getRules().stream().flatMap(rule -> rule.getBackendRefs().stream()).forEach(backend -> {
            Service service = overlay.named(Service.class, backend.getName());
            assertThat(service.getSpec().getPorts()).anySatisfy(port ->
                    assertThat(port.getPort()).isEqualTo(backend.getPort()));
        });
    }

    @Test
    void configMapsHoldEveryKeyTheDeploymentsReadFromThem() {
        for (String overlayName : OVERLAYS) {
            RenderedOverlay overlay = overlay(overlayName);
            for (Deployment deployment : overlay.all(Deployment.class)) {
                Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
                app.getEnvFrom().forEach(source -> overlay.named(ConfigMap.class,
                        source.getConfigMapRef().getName()));
                app.getEnv().stream().filter(env -> env.getValueFrom() != null
                                && env.getValueFrom().getConfigMapKeyRef() != null)
                        .forEach(env -> assertThat(overlay.named(ConfigMap.class,
                                env.getValueFrom().getConfigMapKeyRef().getName()).getData())
                                .containsKey(env.getValueFrom().getConfigMapKeyRef().getKey()));
            }
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static Container container(RenderedOverlay overlay, String deployment) {
        return overlay.named(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The variable names a service's container gets: its own env and every key of the ConfigMaps it takes whole. */
    private static Set<String> environmentOf(RenderedOverlay overlay, String deployment) {
        Container app = container(overlay, deployment);
        Set<String> names = new TreeSet<>();
        app.getEnv().forEach(env -> names.add(env.getName()));
        app.getEnvFrom().forEach(source -> names.addAll(overlay.named(ConfigMap.class,
                source.getConfigMapRef().getName()).getData().keySet()));
        return names;
    }

    private static String value(Container app, String variable) {
        return app.getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst()
                .map(EnvVar::getValue).orElseThrow();
    }

    private record SecretReference(String secret, String key) {
    }

    private static List<SecretReference> secretReferences(RenderedOverlay overlay) {
        List<SecretReference> references = new ArrayList<>();
        for (Deployment deployment : overlay.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(container -> container.getEnv().stream()
                    .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                    .forEach(env -> references.add(new SecretReference(env.getValueFrom().getSecretKeyRef().getName(),
                            env.getValueFrom().getSecretKeyRef().getKey()))));
            pod.getVolumes().stream().filter(volume -> volume.getSecret() != null).forEach(volume ->
                    volume.getSecret().getItems().forEach(item -> references.add(
                            new SecretReference(volume.getSecret().getSecretName(), item.getKey()))));
        }
        return references;
    }

    private static Map<String, Object> kafkaConfig(RenderedOverlay overlay) {
        return overlay.all(Kafka.class).get(0).getSpec().getKafka().getConfig();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> databaseCluster(RenderedOverlay overlay) {
        HasMetadata cluster = overlay.all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals("Cluster")).findFirst().orElseThrow();
        return (Map<String, Object>) ((GenericKubernetesResource) cluster).getAdditionalProperties().get("spec");
    }
}
