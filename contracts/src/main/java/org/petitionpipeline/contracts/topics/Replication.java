package org.petitionpipeline.contracts.topics;

/**
 * How many brokers hold each partition, and how many of them must have a record before a producer with
 * {@code acks=all} hears it is written.
 */
public record Replication(int factor, int minInSyncReplicas) {

    /** A cluster of three or more brokers: a record survives the loss of one, and writes go on while one is down. */
    public static final Replication PRODUCTION = new Replication(3, 2);

    /** The local run and the tests: one broker, so one copy. */
    public static final Replication SINGLE_BROKER = new Replication(1, 1);
}
