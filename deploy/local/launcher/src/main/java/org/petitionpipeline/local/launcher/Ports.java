package org.petitionpipeline.local.launcher;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.petitionpipeline.testsupport.FreePorts;

/**
 * Where each part of the local pipeline listens.
 *
 * @param kafkaNodes one per broker: its client and its controller port
 * @param services   each service's address for clients: the service itself, or the load balancer in front of its
 *                   instances
 * @param instances  where each instance of a service listens: the service's address when it runs once
 */
public record Ports(List<KafkaNode> kafkaNodes, int postgres, int smtp, int imap, int mailApi,
        Map<PipelineService, Integer> services, Map<PipelineService, List<Integer>> instances, int demoHost) {

    /** A broker's two listeners: clients, and the KRaft controller quorum. */
    public record KafkaNode(int client, int controller) {
    }

    public Ports {
        kafkaNodes = List.copyOf(kafkaNodes);
        services = Map.copyOf(services);
        instances = Map.copyOf(instances);
    }

    /** The documented ports of the ordinary local run (one broker, one instance of each service). */
    public static Ports defaults() {
        return defaults(Topology.SINGLE);
    }

    /**
     * The documented ports: services (or their load balancer) on 8081-8084, Kafka 9092 (controller 9093; a
     * cluster's further brokers 9094/9095 and 9096/9097), PostgreSQL 15432, SMTP 3025, mail API 8025, the demo
     * page that embeds the petition 8090. Instance {@code i} (from 1) of a balanced service listens on its
     * service's port + 100 × i: intake's on 8181, 8281, ….
     */
    public static Ports defaults(Topology topology) {
        List<KafkaNode> nodes = IntStream.range(0, topology.brokers())
                .mapToObj(node -> new KafkaNode(9092 + 2 * node, 9093 + 2 * node)).toList();
        Map<PipelineService, Integer> services = new EnumMap<>(Map.of(PipelineService.INTAKE, 8081,
                PipelineService.DEDUP, 8082, PipelineService.EMAIL, 8083, PipelineService.REPORTING, 8084));
        Map<PipelineService, List<Integer>> instances = new EnumMap<>(PipelineService.class);
        services.forEach((service, port) -> instances.put(service, topology.isBalanced()
                ? IntStream.rangeClosed(1, topology.instances()).mapToObj(i -> port + 100 * i).toList()
                : List.of(port)));
        return new Ports(nodes, 15432, 3025, 3143, 8025, services, instances, 8090);
    }

    /** Free ports, for a pipeline that must not collide with one already running (tests). */
    public static Ports free() {
        return free(Topology.SINGLE);
    }

    public static Ports free(Topology topology) {
        int serviceCount = PipelineService.values().length;
        int instancePorts = topology.isBalanced() ? serviceCount * topology.instances() : 0;
        int[] free = FreePorts.distinct(2 * topology.brokers() + 5 + serviceCount + instancePorts);
        int next = 0;
        List<KafkaNode> nodes = new ArrayList<>();
        for (int node = 0; node < topology.brokers(); node++) {
            nodes.add(new KafkaNode(free[next++], free[next++]));
        }
        int postgres = free[next++];
        int smtp = free[next++];
        int imap = free[next++];
        int mailApi = free[next++];
        int demoHost = free[next++];
        Map<PipelineService, Integer> services = new EnumMap<>(PipelineService.class);
        Map<PipelineService, List<Integer>> instances = new EnumMap<>(PipelineService.class);
        for (PipelineService service : PipelineService.values()) {
            int port = free[next++];
            services.put(service, port);
            List<Integer> own = new ArrayList<>();
            for (int i = 0; topology.isBalanced() && i < topology.instances(); i++) {
                own.add(free[next++]);
            }
            instances.put(service, topology.isBalanced() ? own : List.of(port));
        }
        return new Ports(nodes, postgres, smtp, imap, mailApi, services, instances, demoHost);
    }

    /** The first broker's client port. */
    public int kafka() {
        return kafkaNodes.get(0).client();
    }

    /** The first broker's controller port. */
    public int kafkaController() {
        return kafkaNodes.get(0).controller();
    }

    /** Where clients reach {@code service}. */
    public int of(PipelineService service) {
        return services.get(service);
    }

    public int email() {
        return of(PipelineService.EMAIL);
    }

    /** Where instance {@code index} (from 0) of {@code service} listens. */
    public int instance(PipelineService service, int index) {
        return instances.get(service).get(index);
    }
}
