package org.petitionpipeline.local.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of each part run: Kafka brokers, and instances of every service. One and one is the ordinary local
 * run; three brokers and two or more instances is a cluster as production runs it, on one machine.
 *
 * @param brokers   1 (one in-process broker, replication 1) or 3 (three broker processes, a KRaft quorum of
 *                  three, replication 3 with two in sync)
 * @param instances of every service; above 1 a load balancer (HAProxy) fronts each service on its usual port
 */
public record Topology(int brokers, int instances) {

    public static final Topology SINGLE = new Topology(1, 1);
    public static final int CLUSTER_BROKERS = 3;
    private static final int MOST_INSTANCES = 4;

    public Topology {
        if (brokers != 1 && brokers != CLUSTER_BROKERS) {
            throw new IllegalArgumentException("--brokers takes 1 or " + CLUSTER_BROKERS + ", not " + brokers);
        }
        if (instances < 1 || instances > MOST_INSTANCES) {
            throw new IllegalArgumentException("--instances takes 1 to " + MOST_INSTANCES + ", not " + instances);
        }
    }

    public boolean isCluster() {
        return brokers == CLUSTER_BROKERS;
    }

    public boolean isBalanced() {
        return instances > 1;
    }

    /**
     * Takes {@code --brokers N} and {@code --instances N} out of {@code args}, leaving the other arguments in
     * {@code rest}.
     */
    public static Topology parse(List<String> args, List<String> rest) {
        int brokers = 1;
        int instances = 1;
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--brokers") || arg.equals("--instances")) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException(arg + " needs a number");
                }
                int value = number(arg, args.get(++i));
                if (arg.equals("--brokers")) {
                    brokers = value;
                } else {
                    instances = value;
                }
            } else {
                remaining.add(arg);
            }
        }
        rest.addAll(remaining);
        return new Topology(brokers, instances);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
        }
    }

    /** What runs, in words, for the reports of the load and fault tools. */
    public String describe() {
        return (isCluster() ? "three Kafka broker processes (replication 3, two in sync)"
                : "one Kafka broker (in the launcher JVM)")
                + (isBalanced() ? ", " + instances + " instances of each service behind HAProxy" : ", the four services");
    }

    @Override
    public String toString() {
        return brokers + (brokers == 1 ? " broker, " : " brokers, ") + instances
                + (instances == 1 ? " instance" : " instances") + " of each service";
    }
}
