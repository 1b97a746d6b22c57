package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void takesTheShapeOutOfTheArgumentsAndLeavesTheRest() {
        List<String> rest = new ArrayList<>();
        Topology topology = Topology.parse(List.of("infra", "--brokers", "3", "--instances", "2"), rest);

        assertThat(topology).isEqualTo(new Topology(3, 2));
        assertThat(topology.isCluster()).isTrue();
        assertThat(topology.isBalanced()).isTrue();
        assertThat(rest).containsExactly("infra");
    }

    @Test
    void secureRunsTheBrokersAsProcessesOfTheirOwnEvenWhenThereIsOne() {
        Topology topology = Topology.parse(List.of("--secure", "load"), new ArrayList<>());

        assertThat(topology).isEqualTo(new Topology(1, 1, true));
        assertThat(topology.isCluster()).isFalse();
        assertThat(topology.hasBrokerProcesses()).isTrue();
        assertThat(Topology.SINGLE.hasBrokerProcesses()).isFalse();
        assertThat(topology.describe()).contains("SCRAM over TLS");
    }

    @Test
    void withoutOptionsItIsOneBrokerAndOneInstance() {
        assertThat(Topology.parse(List.of(), new ArrayList<>())).isEqualTo(Topology.SINGLE);
        assertThat(Topology.SINGLE.isCluster()).isFalse();
        assertThat(Topology.SINGLE.isBalanced()).isFalse();
    }

    @Test
    void refusesAShapeItCannotRun() {
        assertThatThrownBy(() -> Topology.parse(List.of("--brokers", "2"), new ArrayList<>()))
                .hasMessageContaining("--brokers takes 1 or 3");
        assertThatThrownBy(() -> Topology.parse(List.of("--instances", "0"), new ArrayList<>()))
                .hasMessageContaining("--instances takes 1 to 4");
        assertThatThrownBy(() -> Topology.parse(List.of("--instances", "two"), new ArrayList<>()))
                .hasMessageContaining("needs a number, not 'two'");
        assertThatThrownBy(() -> Topology.parse(List.of("--brokers"), new ArrayList<>()))
                .hasMessageContaining("--brokers needs a number");
    }
}
