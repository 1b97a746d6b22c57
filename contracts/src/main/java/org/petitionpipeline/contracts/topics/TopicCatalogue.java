package org.petitionpipeline.contracts.topics;

import static org.petitionpipeline.contracts.topics.Service.DEDUP;
import static org.petitionpipeline.contracts.topics.Service.EMAIL;
import static org.petitionpipeline.contracts.topics.Service.REPORTING;
import static org.petitionpipeline.contracts.topics.Service.SIGNATURE_INTAKE;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.Topics;

/**
 * Every topic of the pipeline, once: the launcher, the tests and the deployment manifests create topics from
 * this list, and a test holds it to what the services' configuration and code read and write. Each topic of
 * {@link Topics} has a dead-letter companion ({@code <topic>.dlq}) written by its consumers.
 *
 * <p>Retention: the signature topics carry personal data (addresses, IPs, names), so nothing is kept longer than
 * a consumer could need to catch up after an outage or be replayed from: a week, dead letters too (time for someone to
 * look at them). Kafka deletes a log segment once its newest record is older than the retention, and starts a new
 * segment a day ({@link #SEGMENT_ROLL}): a record therefore survives at most {@link #longestSurvival()} after it was
 * written, an erased person's data in these topics included; {@code people.access-reports} (a person's export, on
 * its way to the service that asked) likewise. The catalog topic is compacted: the latest definition of
 * every petition stays (organizers' addresses, no signer's).
  */
public final class TopicCatalogue {

    /** Partitions of the signature topics: the unit of consumer parallelism. */
    public static final int SIGNATURE_PARTITIONS = 6;
    public static final Duration EVENTS_KEPT = Duration.ofDays(7);
    public static final Duration DEAD_LETTERS_KEPT = Duration.ofDays(7);
    /** How often a topic under a retention starts a new log segment, the unit Kafka deletes. */
    public static final Duration SEGMENT_ROLL = Duration.ofDays(1);

    private static final String SIGNATURE_KEY = "petition slug + ':' + email hash (SignatureKey)";
    private static final String SLUG_KEY = "petition slug";

    private static final List<TopicDefinition> EVENT_TOPICS = List.of(
            // one partition: every instance of a reader loads the whole catalog at start, and it is small
            new TopicDefinition(Topics.PETITIONS, 1, Replication.PRODUCTION, true, Optional.empty(), SLUG_KEY,
                    Set.of(REPORTING), List.of(eachInstanceReadsAll(SIGNATURE_INTAKE), eachInstanceReadsAll(EMAIL),
                            eachInstanceReadsAll(DEDUP))),
            events(Topics.SIGNATURES_SUBMITTED, SIGNATURE_KEY, SIGNATURE_INTAKE, DEDUP),
            // the same signatures twice: whole for email, which writes to the signer; without the address, request
            // facts and consent for reporting, which only counts and lists them (data minimization)
            events(Topics.SIGNATURES_ACCEPTED, SIGNATURE_KEY, DEDUP, EMAIL),
            events(Topics.SIGNATURES_COUNTED, SIGNATURE_KEY, DEDUP, REPORTING),
            events(Topics.SIGNATURES_REJECTED, SIGNATURE_KEY, DEDUP, REPORTING),
            events(Topics.SIGNATURES_INVALIDATED, SIGNATURE_KEY, DEDUP, REPORTING),
            events(Topics.SIGNATURES_VERIFIED, SIGNATURE_KEY, EMAIL, REPORTING),
            // reporting tells the organizations' webhooks of unsubscriptions and bounces
            events(Topics.SUBSCRIPTIONS, "email hash", EMAIL, REPORTING),
            events(Topics.PETITIONS_MILESTONES, SLUG_KEY, REPORTING),
            // reporting's retention job: the petition's signers anonymized, every other holder of their data follows
            events(Topics.PETITIONS_ANONYMIZED, SLUG_KEY, REPORTING, DEDUP, EMAIL),
            events(Topics.CALLS_REPORTED, SLUG_KEY, SIGNATURE_INTAKE, REPORTING),
            events(Topics.REPORTS_READY, SLUG_KEY, REPORTING, EMAIL),
            // reporting has no mail path of its own: email tells an organization's owners of their disabled endpoint
            events(Topics.WEBHOOKS_DISABLED, "organization slug", REPORTING, EMAIL),
            // email takes the requests (the signer's confirmed link, ops' API) and follows each one to its end
            events(Topics.PEOPLE_ERASURES, "email hash", Set.of(EMAIL), DEDUP, EMAIL, REPORTING),
            events(Topics.PEOPLE_ERASURES_DONE, "email hash", Set.of(DEDUP, EMAIL, REPORTING), EMAIL),
            // likewise for access: email takes the request, collects its own part and the others' reports
            events(Topics.PEOPLE_ACCESS_REQUESTS, "email hash", Set.of(EMAIL), DEDUP, REPORTING),
            events(Topics.PEOPLE_ACCESS_REPORTS, "email hash", Set.of(DEDUP, REPORTING), EMAIL),
            // staff actions (no signer's data) of the services without an audit log, into reporting's one log
            events(Topics.AUDIT_EVENTS, "organization slug or 'platform'", Set.of(DEDUP, EMAIL), REPORTING));

    private TopicCatalogue() {
    }

    /**
     * The longest any record (personal data included) stays in a topic under a retention: the retention, plus the
     * segment it is in staying open for up to a {@link #SEGMENT_ROLL}.
     */
    public static Duration longestSurvival() {
        return (EVENTS_KEPT.compareTo(DEAD_LETTERS_KEPT) >= 0 ? EVENTS_KEPT : DEAD_LETTERS_KEPT).plus(SEGMENT_ROLL);
    }

    /** Every topic and its dead letters, as a production cluster holds them ({@link Replication#PRODUCTION}). */
    public static List<TopicDefinition> production() {
        return EVENT_TOPICS.stream()
                .flatMap(topic -> Stream.of(topic, deadLettersOf(topic)))
                .toList();
    }

    /** The same topics on one broker: the local run and the tests. */
    public static List<TopicDefinition> singleBroker() {
        return production().stream().map(topic -> topic.withReplication(Replication.SINGLE_BROKER)).toList();
    }

    public static Optional<TopicDefinition> find(String name) {
        return production().stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** Written by the source's consumers when a record can never be processed; read by people, not services. */
    private static TopicDefinition deadLettersOf(TopicDefinition source) {
        Set<Service> writers = source.consumers().stream().map(TopicConsumer::service).collect(Collectors.toSet());
        return new TopicDefinition(Topics.deadLetterOf(source.name()), source.partitions(), source.replication(),
                false, Optional.of(DEAD_LETTERS_KEPT), "as on " + source.name(), writers, List.of());
    }

    /** A consumer with a group of its own per instance, read from the start: the in-memory petition catalog. */
    private static TopicConsumer eachInstanceReadsAll(Service service) {
        return new TopicConsumer(service, service.module() + "-catalog-<instance>");
    }

    /** A topic of events under a retention, read by each consumer service in one group named like the service. */
    private static TopicDefinition events(String name, String key, Service producer, Service... consumers) {
        return events(name, key, Set.of(producer), consumers);
    }

    private static TopicDefinition events(String name, String key, Set<Service> producers, Service... consumers) {
        return new TopicDefinition(name, SIGNATURE_PARTITIONS, Replication.PRODUCTION, false, Optional.of(EVENTS_KEPT),
                key, producers, Stream.of(consumers)
                        .map(consumer -> new TopicConsumer(consumer, consumer.module())).toList());
    }
}
