package org.petitionpipeline.email.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;

/** Who must answer a request about a person (an erasure, an export) before it is complete, and who still has to. */
public final class Answering {

    private Answering() {
    }

    /** Every service that consumes the request's topic, by module name, from the catalogue. */
    public static Set<String> consumersOf(String topic) {
        return TopicCatalogue.find(topic).map(TopicDefinition::consumers).orElseThrow().stream()
                .map(consumer -> consumer.service().module()).collect(Collectors.toUnmodifiableSet());
    }

    /** The services that have not answered yet, in name order. */
    public static List<String> waitingFor(Set<String> services, Collection<String> answered) {
        return services.stream().sorted().filter(service -> !answered.contains(service)).toList();
    }

    /** Microseconds, as PostgreSQL keeps them: the time read back is the time announced. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
