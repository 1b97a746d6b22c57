package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.petitionpipeline.contracts.topics.KafkaGrant;
import org.petitionpipeline.contracts.topics.KafkaPermissions;
import org.petitionpipeline.contracts.topics.Service;

/**
 * SCRAM over TLS for a secure local run, as a production cluster requires it: every client authenticates with its
 * own SCRAM-SHA-512 user (one per service, one for the brokers among themselves, one for the launcher's own
 * clients) over TLS, against certificates made for this run. The passwords are fresh at every start; the users
 * are created when the brokers' storage is formatted, before any broker runs. Each service may then do only what
 * {@link KafkaPermissions} grants it (ACLs); the brokers and the launcher are super users.
 */
public final class KafkaSecurity {

    public static final String MECHANISM = "SCRAM-SHA-512";
    static final String BROKER_USER = "kafka-broker";
    static final String LAUNCHER_USER = "local-launcher";
    static final String CLIENT_PROPERTIES = "client.properties";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final LocalCertificates certificates;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private KafkaSecurity(LocalCertificates certificates) {
        this.certificates = certificates;
        passwords.put(BROKER_USER, Secrets.random());
        passwords.put(LAUNCHER_USER, Secrets.random());
        for (PipelineService service : PipelineService.values()) {
            passwords.put(service.module(), Secrets.random());
        }
    }

    /**
     * Certificates and users for a run, made in {@code directory}, with {@value #CLIENT_PROPERTIES} there: the
     * launcher user's client settings, for Kafka's command-line tools ({@code --command-config}).
     */
    static KafkaSecurity generate(Path directory) {
        KafkaSecurity security = new KafkaSecurity(LocalCertificates.generate(directory));
        Properties client = new Properties();
        security.clientSettings(LAUNCHER_USER).forEach(client::put);
        try (var out = Files.newBufferedWriter(directory.resolve(CLIENT_PROPERTIES))) {
            client.store(out, "SCRAM over TLS as the local launcher's user, made for this run");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.resolve(CLIENT_PROPERTIES), e);
        }
        return security;
    }

    /** The {@code --add-scram} arguments of {@code kafka-storage format}: every user with its password. */
    List<String> scramUsersForFormat() {
        return passwords.entrySet().stream().flatMap(user -> List.of("--add-scram",
                MECHANISM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]").stream()).toList();
    }

    /** A broker's settings for its client listener (SASL_SSL, named {@code listener}) and its own connections. */
    Map<String, String> brokerSettings(String listener) {
        Map<String, String> broker = new LinkedHashMap<>();
        broker.put("sasl.enabled.mechanisms", MECHANISM);
        broker.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        broker.put("listener.name." + listener.toLowerCase() + "." + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                jaas(BROKER_USER));
        broker.put("ssl.keystore.type", "PKCS12");
        broker.put("ssl.keystore.location", certificates.serverKeystore().toString());
        broker.put("ssl.keystore.password", certificates.password());
        broker.put("ssl.truststore.type", "PEM");
        broker.put("ssl.truststore.location", certificates.authorityPem().toString());
        broker.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the controllers' quorum listener is plaintext on loopback, so the brokers reach it as ANONYMOUS; on the
        // clients' listener nobody is anonymous (SASL_SSL)
        broker.put("super.users", "User:" + BROKER_USER + ";User:" + LAUNCHER_USER + ";User:ANONYMOUS");
        return broker;
    }

    /** Every service's grants, as ACLs on its user; whatever is not granted is denied. */
    List<AclBinding> serviceAcls() {
        return List.of(Service.values()).stream().flatMap(service -> KafkaPermissions.of(service).stream()
                .flatMap(grant -> grant.operations().stream().map(operation -> new AclBinding(
                        new ResourcePattern(grant.resource() == KafkaGrant.Resource.TOPIC ? ResourceType.TOPIC
                                : ResourceType.GROUP, grant.name(),
                                grant.prefixed() ? PatternType.PREFIXED : PatternType.LITERAL),
                        new AccessControlEntry("User:" + service.module(), "*", AclOperation.valueOf(operation.name()),
                                AclPermissionType.ALLOW)))))
                .toList();
    }

    /** Kafka client settings for a user: what a tool of the launcher adds to its bootstrap servers. */
    Map<String, Object> clientSettings(String user) {
        Map<String, Object> client = new HashMap<>();
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", MECHANISM);
        client.put("sasl.jaas.config", jaas(user));
        client.put("ssl.truststore.type", "PEM");
        client.put("ssl.truststore.location", certificates.authorityPem().toString());
        return client;
    }

    /** The same for a service, as the environment variables its {@code kafka.*} configuration reads. */
    Map<String, String> serviceEnvironment(PipelineService service) {
        Map<String, String> env = new HashMap<>();
        clientSettings(service.module()).forEach((name, value) ->
                env.put("KAFKA_" + name.toUpperCase().replace('.', '_'), value.toString()));
        return env;
    }

    private String jaas(String user) {
        return LOGIN_MODULE + " required username=\"" + user + "\" password=\"" + passwords.get(user) + "\";";
    }
}
