package org.petitionpipeline.local.launcher;

import org.petitionpipeline.testsupport.FreePorts;

/** Where each part of the local pipeline listens. */
public record Ports(int kafka, int kafkaController, int postgres, int smtp, int imap, int mailApi,
        int intake, int dedup, int email, int reporting, int demoHost) {

    /**
     * The documented ports: services on 8081-8084, Kafka 9092, PostgreSQL 15432, SMTP 3025, mail API 8025, the
     * demo page that embeds the petition 8090.
     */
    public static Ports defaults() {
        return new Ports(9092, 9093, 15432, 3025, 3143, 8025, 8081, 8082, 8083, 8084, 8090);
    }

    /** Free ports, for a pipeline that must not collide with one already running (tests). */
    public static Ports free() {
        int[] free = FreePorts.distinct(11);
        return new Ports(free[0], free[1], free[2], free[3], free[4], free[5], free[6], free[7], free[8], free[9],
                free[10]);
    }

    public int of(PipelineService service) {
        return switch (service) {
            case INTAKE -> intake;
            case DEDUP -> dedup;
            case EMAIL -> email;
            case REPORTING -> reporting;
        };
    }
}
