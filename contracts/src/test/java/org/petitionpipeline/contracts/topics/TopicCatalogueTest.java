package org.petitionpipeline.contracts.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Topics;

/**
 * Holds the catalogue to what the services really do, so it cannot drift: the topics each service's
 * {@code application.properties} names on its messaging channels, and those its code writes with a plain
 * producer (a file that builds {@code ProducerRecord}s and names a topic of {@link Topics}).
 */
class TopicCatalogueTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern CHANNEL_SETTING = Pattern.compile(
            "(?:%[\\w-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([\\w.-]+?)\\.(connector|topic|topics|group\\.id)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z_]+)\\b");

    /** What a service's configuration and code say it reads and writes. */
    private record Usage(Set<String> consumed, Set<String> produced, Map<String, String> groups) {
    }

    @Test
    void everyTopicOfTopicsIsCataloguedWithItsDeadLetters() throws IllegalAccessException {
        Set<String> expected = new TreeSet<>();
        for (String topic : topicConstants().values()) {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
        }
        assertThat(TopicCatalogue.production()).extracting(TopicDefinition::name)
                .containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void everyServiceReadsAndWritesOnlyWhatTheCatalogueSaysAndAllOfIt() throws IOException, IllegalAccessException {
        List<String> drift = new ArrayList<>();
        for (Service service : Service.values()) {
            Usage usage = usageOf(service);
            for (String topic : usage.consumed()) {
                TopicDefinition listed = listed(topic, drift);
                if (listed != null && !listed.isConsumedBy(service)) {
                    drift.add(service.module() + " consumes " + topic + ", which the catalogue does not say");
                }
            }
            for (String topic : usage.produced()) {
                TopicDefinition listed = listed(topic, drift);
                if (listed != null && !listed.isProducedBy(service)) {
                    drift.add(service.module() + " produces " + topic + ", which the catalogue does not say");
                }
            }
            for (TopicDefinition topic : TopicCatalogue.production()) {
                // dead letters are written to whichever .dlq a poison record came from; no setting names them all
                if (topic.name().endsWith(Topics.deadLetterOf(""))) {
                    continue;
                }
                if (topic.isProducedBy(service) && !usage.produced().contains(topic.name())) {
                    drift.add("the catalogue says " + service.module() + " produces " + topic.name() + "; it does not");
                }
                topic.consumers().stream().filter(consumer -> consumer.service() == service).forEach(consumer -> {
                    if (!usage.consumed().contains(topic.name())) {
                        drift.add("the catalogue says " + service.module() + " consumes " + topic.name() + "; it does not");
                    } else if (!consumer.group().equals(usage.groups().get(topic.name()))) {
                        drift.add(service.module() + " reads " + topic.name() + " in group "
                                + usage.groups().get(topic.name()) + ", the catalogue says " + consumer.group());
                    }
                });
            }
        }
        assertThat(drift).as("the topic catalogue (contracts' TopicCatalogue) and the services disagree").isEmpty();
    }

    @Test
    void productionReplicatesThreeTimesAndOneBrokerOnce() {
        assertThat(TopicCatalogue.production()).allSatisfy(topic -> {
            assertThat(topic.replication()).isEqualTo(new Replication(3, 2));
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(TopicCatalogue.singleBroker()).allSatisfy(topic -> {
            assertThat(topic.replication()).isEqualTo(new Replication(1, 1));
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
        });
        assertThat(TopicCatalogue.singleBroker()).extracting(TopicDefinition::name)
                .containsExactlyElementsOf(TopicCatalogue.production().stream().map(TopicDefinition::name).toList());
    }

    @Test
    void theCatalogIsCompactedAndEveryOtherTopicHasARetention() {
        TopicDefinition petitions = TopicCatalogue.find(Topics.PETITIONS).orElseThrow();
        assertThat(petitions.configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        assertThat(TopicCatalogue.production()).filteredOn(topic -> !topic.equals(petitions))
                .allSatisfy(topic -> assertThat(topic.configs()).containsEntry("cleanup.policy", "delete")
                        .containsKey("retention.ms"));
    }

    private static TopicDefinition listed(String topic, List<String> drift) {
        return TopicCatalogue.find(topic).orElseGet(() -> {
            drift.add(topic + " is used but not in the catalogue");
            return null;
        });
    }

    private static Usage usageOf(Service service) throws IOException, IllegalAccessException {
        Path module = ROOT.resolve(service.module());
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Set<String> consumed = new HashSet<>();
        Set<String> produced = new HashSet<>();
        Map<String, String> groups = new HashMap<>();
        Map<String, Set<String>> channels = Map.of("incoming", new HashSet<>(), "outgoing", new HashSet<>());
        for (String key : properties.stringPropertyNames()) {
            Matcher setting = CHANNEL_SETTING.matcher(key);
            if (setting.matches()) {
                channels.get(setting.group(1)).add(setting.group(2));
            }
        }
        for (String direction : channels.keySet()) {
            for (String channel : channels.get(direction)) {
                String prefix = "mp.messaging." + direction + "." + channel + ".";
                // without a topic setting, a channel reads or writes the topic of its own name
                Set<String> topics = Stream.of(properties.getProperty(prefix + "topics", properties.getProperty(
                                prefix + "topic", channel)).split(","))
                        .map(String::strip).collect(Collectors.toSet());
                (direction.equals("incoming") ? consumed : produced).addAll(topics);
                if (direction.equals("incoming")) {
                    String group = properties.getProperty(prefix + "group.id",
                            properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id",
                                    properties.getProperty("quarkus.application.name", service.module())));
                    topics.forEach(topic -> groups.put(topic, group.replace("${quarkus.uuid}", "<instance>")));
                }
            }
        }
        produced.addAll(topicsWrittenByPlainProducers(module.resolve("src/main/java")));
        return new Usage(consumed, produced, groups);
    }

    private static Set<String> topicsWrittenByPlainProducers(Path sources) throws IOException, IllegalAccessException {
        Map<String, String> constants = topicConstants();
        Set<String> topics = new HashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                if (code.contains("ProducerRecord")) {
                    Matcher constant = TOPIC_CONSTANT.matcher(code);
                    while (constant.find()) {
                        topics.add(constants.get(constant.group(1)));
                    }
                }
            }
        }
        return topics;
    }

    /** The topic names {@link Topics} defines, by constant name. */
    private static Map<String, String> topicConstants() throws IllegalAccessException {
        Map<String, String> constants = new HashMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.put(field.getName(), (String) field.get(null));
            }
        }
        return constants;
    }
}
