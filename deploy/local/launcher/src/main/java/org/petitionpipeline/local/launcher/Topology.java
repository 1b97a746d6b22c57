package org.petitionpipeline.local.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of each part run, and how they connect: Kafka brokers, and instances of every service. One and one is
 * the ordinary local run; three brokers and two or more instances is a cluster as production runs it, on one
 * machine.
 *
 * @param brokers   1 (one broker, replication 1) or 3 (three broker processes, a KRaft quorum of three,
 *                  replication 3 with two in sync)
 * @param instances of every service; above 1 a load balancer (HAProxy) fronts each service on its usual port
 * @param secure    whether the brokers require SCRAM over TLS from every client (certificates and users made at
 *                  start; the brokers run as processes of their own then, one or three)
 */
public record Topology(int brokers, int instances, boolean secure) {

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

    public Topology(int brokers, int instances) {
        this(brokers, instances, false);
    }

    public boolean isCluster() {
        return brokers == CLUSTER_BROKERS;
    }

    public boolean isBalanced() {
        return instances > 1;
    }

    /** Whether the brokers run as processes of their own (a cluster, or one broker that requires security). */
    public boolean hasBrokerProcesses() {
        return isCluster() || secure;
    }

    /**
     * Takes {@code --brokers N}, {@code --instances N} and {@code --secure} out of {@code args}, leaving the other
     * arguments in {@code rest}.
     */
    public static Topology parse(List<String> args, List<String> rest) {
        int brokers = 1;
        int instances = 1;
        boolean secure = false;
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--secure")) {
                secure = true;
            } else if (arg.equals("--brokers") || arg.equals("--instances")) {
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
        return new Topology(brokers, instances, secure);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
        }
    }

    /** The options that give this shape, as {@link #parse} takes them: for a tool that repeats a command line. */
    public List<String> asArguments() {
        List<String> arguments = new ArrayList<>(List.of("--brokers", String.valueOf(brokers), "--instances",
                String.valueOf(instances)));
        if (secure) {
            arguments.add("--secure");
        }
        return arguments;
    }

    /** What runs, in words, for the reports of the load and fault tools. */
    public String describe() {
        return (isCluster() ? "three Kafka broker processes (replication 3, two in sync)"
                : secure ? "one Kafka broker process" : "one Kafka broker (in the launcher JVM)")
                + (secure ? " requiring SCRAM over TLS" : "")
                + (isBalanced() ? ", " + instances + " instances of each service behind HAProxy" : ", the four services");
    }

    @Override
    public String toString() {
        return brokers + (brokers == 1 ? " broker, " : " brokers, ") + instances
                + (instances == 1 ? " instance" : " instances") + " of each service"
                + (secure ? ", SCRAM over TLS to Kafka" : "");
    }
}
