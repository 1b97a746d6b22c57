package org.petitionpipeline.contracts.kafka;

/**
 * The headers of a record on a dead-letter topic ({@code <topic>.dlq}, see
 * {@link org.petitionpipeline.contracts.Topics#deadLetterOf}): where the record came from and why no consumer can
 * process it. Its key is the original key; its value the original bytes where they were unreadable, otherwise the
 * event as the consumer understood it.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String TOPIC_HEADER = "dead-letter-topic";
    public static final String PARTITION_HEADER = "dead-letter-partition";
    public static final String OFFSET_HEADER = "dead-letter-offset";

    private DeadLetters() {
    }
}
