package org.petitionpipeline.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;
import org.petitionpipeline.deploy.Repository;

/** The Compose deployment's topic creation against the topic catalogue, on one broker. */
class KafkaTopicsScriptTest {

    private static final Path SCRIPT = Repository.file("deploy/compose/kafka/create-topics.sh");

    /** A topic as created: its partitions and its settings, each {@code name=value}. */
    private record Created(int partitions, Map<String, String> settings) {

        static Created of(TopicDefinition topic) {
            return new Created(topic.partitions(), topic.configs());
        }
    }

    @Test
    void theScriptCreatesEveryCatalogueTopicWithItsPartitionsAndSettings() throws IOException {
        Map<String, Created> expected = TopicCatalogue.singleBroker().stream()
                .collect(Collectors.toMap(TopicDefinition::name, Created::of, (a, b) -> a, TreeMap::new));

        assertThat(createdByScript()).isEqualTo(expected);
    }

    @Test
    void theScriptCreatesOnlyTopicsWithoutReplicasForOneBroker() throws IOException {
        assertThat(Files.readString(SCRIPT)).contains("--replication-factor 1");
    }

    /** The script's {@code create <topic> <partitions> <name=value>...} lines. */
    private static Map<String, Created> createdByScript() throws IOException {
        Map<String, Created> created = new TreeMap<>();
        try (Stream<String> lines = Files.lines(SCRIPT)) {
            lines.filter(line -> line.startsWith("create ")).map(line -> List.of(line.strip().split("\\s+")))
                    .forEach(words -> created.put(words.get(1), new Created(Integer.parseInt(words.get(2)),
                            settingsOf(words.subList(3, words.size())))));
        }
        return created;
    }

    private static Map<String, String> settingsOf(List<String> pairs) {
        return pairs.stream().map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b, TreeMap::new));
    }
}
