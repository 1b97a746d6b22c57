package org.petitionpipeline.deploy.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.topics.KafkaGrant;
import org.petitionpipeline.contracts.topics.KafkaPermissions;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;

/**
 * The Strimzi resources that follow from the topic catalogue: a {@code KafkaTopic} for every topic and a
 * {@code KafkaUser} with its ACLs for every service. The manifests in deploy/k8s/base/kafka are this output,
 * committed so that {@code kubectl apply -k} needs no build; {@link StrimziManifestsTest} holds them equal.
 */
final class StrimziManifests {

    static final String CLUSTER = "petitions";
    private static final String HEADER = "# Generated from the topic catalogue (contracts: TopicCatalogue, KafkaPermissions) by "
            + "deploy/validation's StrimziManifests;\n# do not edit: change the catalogue and run "
            + "./mvnw -pl deploy/validation -am test -Dtest=StrimziManifestsTest -Ddeploy.regenerate=true\n";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private StrimziManifests() {
    }

    static String topics() {
        return HEADER + TopicCatalogue.production().stream().map(StrimziManifests::topic)
                .map(StrimziManifests::yaml).collect(Collectors.joining("---\n"));
    }

    static String users() {
        return HEADER + List.of(Service.values()).stream().map(StrimziManifests::user)
                .map(StrimziManifests::yaml).collect(Collectors.joining("---\n"));
    }

    /** A resource name for a topic: Kubernetes names take no upper case, and dashes read better than dots. */
    static String resourceName(String topic) {
        return topic.replace('.', '-').toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> topic(TopicDefinition topic) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("topicName", topic.name());
        spec.put("partitions", topic.partitions());
        spec.put("replicas", topic.replication().factor());
        spec.put("config", topic.configs());
        return resource("KafkaTopic", resourceName(topic.name()), spec);
    }

    private static Map<String, Object> user(Service service) {
        List<Map<String, Object>> acls = KafkaPermissions.of(service).stream().map(StrimziManifests::acl).toList();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("authentication", Map.of("type", "scram-sha-512"));
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("type", "simple");
        authorization.put("acls", acls);
        spec.put("authorization", authorization);
        return resource("KafkaUser", service.module(), spec);
    }

    private static Map<String, Object> acl(KafkaGrant grant) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", grant.resource().name().toLowerCase(Locale.ROOT));
        resource.put("name", grant.name());
        resource.put("patternType", grant.prefixed() ? "prefix" : "literal");
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("resource", resource);
        acl.put("operations", grant.operations().stream().map(StrimziManifests::operation).sorted().toList());
        return acl;
    }

    /** Strimzi spells operations as Kafka's ACL operations in camel case: Read, Write, Describe. */
    private static String operation(KafkaGrant.Operation operation) {
        String name = operation.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Object> resource(String kind, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of("strimzi.io/cluster", CLUSTER));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "kafka.strimzi.io/v1");
        resource.put("kind", kind);
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }

    private static String yaml(Map<String, Object> resource) {
        try {
            return YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + resource, e);
        }
    }
}
