package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void theOrdinaryRunListensWhereTheReadmeSays() {
        Ports ports = Ports.defaults();

        assertThat(ports.kafkaNodes()).containsExactly(new Ports.KafkaNode(9092, 9093));
        assertThat(ports.of(PipelineService.INTAKE)).isEqualTo(8081);
        assertThat(ports.instances().get(PipelineService.REPORTING)).containsExactly(8084);
    }

    @Test
    void aClusterKeepsTheUsualAddressesForTheBalancerAndGivesEachInstanceItsOwn() {
        Ports ports = Ports.defaults(new Topology(3, 2));

        assertThat(ports.kafkaNodes()).containsExactly(new Ports.KafkaNode(9092, 9093), new Ports.KafkaNode(9094, 9095),
                new Ports.KafkaNode(9096, 9097));
        assertThat(ports.of(PipelineService.INTAKE)).isEqualTo(8081);
        assertThat(ports.instances().get(PipelineService.INTAKE)).containsExactly(8181, 8281);
        assertThat(ports.instances().get(PipelineService.EMAIL)).containsExactly(8183, 8283);
    }

    @Test
    void freePortsForAClusterAreAllDifferent() {
        Ports ports = Ports.free(new Topology(3, 3));

        List<Integer> all = new ArrayList<>();
        ports.kafkaNodes().forEach(node -> all.addAll(List.of(node.client(), node.controller())));
        all.addAll(ports.services().values());
        ports.instances().values().forEach(all::addAll);
        Stream.of(ports.postgres(), ports.smtp(), ports.imap(), ports.mailApi(), ports.demoHost()).forEach(all::add);

        assertThat(all).hasSize(6 + 4 + 12 + 5).doesNotHaveDuplicates();
    }
}
