package org.petitionpipeline.kit;

/**
 * The build-time switches that turn on the parts of the kit which would otherwise run in every service that
 * depends on it: JAX-RS providers and Kafka listeners are never "unused", so Quarkus would keep them. A service
 * names in its {@code application.properties} each part it uses, e.g. {@code kit.petition-catalog.enabled=true};
 * every other part stays out of its build. Beans that only serve whoever injects them (the dead-letter channel,
 * the durable producers) need no switch: Quarkus removes them where nothing injects them.
 */
public final class KitFeatures {

    /** The RFC 9457 problem+json exception mappers: one error shape for every HTTP answer. */
    public static final String PROBLEM_JSON = "kit.problem-json.enabled";

    /** The in-memory petition catalog, its listener on the {@code petitions} topic and its load progress. */
    public static final String PETITION_CATALOG = "kit.petition-catalog.enabled";

    /**
     * The relay of a service's erasure announcements to {@code people.erasures.done}; the service produces its
     * {@link org.petitionpipeline.kit.erasure.ErasureAnnouncements}.
     */
    public static final String ERASURE = "kit.erasure.enabled";

    /**
     * Answering access requests: the listener on {@code people.access-requests} and the relay of the answers to
     * {@code people.access-reports}; the service produces its {@link org.petitionpipeline.kit.people.AccessRequestOutbox}.
     */
    public static final String ACCESS = "kit.access.enabled";

    /**
     * Checking the pipeline's access tokens ({@link org.petitionpipeline.kit.identity.AccessTokens}): JWTs that
     * reporting-service signs, verified against its published keys. Needs {@code quarkus-smallrye-jwt}.
     */
    public static final String IDENTITY = "kit.identity.enabled";

    /**
     * Guarding {@code /api/admin/} with those tokens and one rule
     * ({@link org.petitionpipeline.kit.identity.AdminApiFilter}), for a service whose admin API has no other way in.
     */
    public static final String ADMIN_API = "kit.identity.admin-api.enabled";

    /**
     * Audit entries for reporting's log: {@link org.petitionpipeline.kit.audit.AuditEvents} and the relay of the
     * entries to {@code audit.events}; the service produces its {@link org.petitionpipeline.kit.audit.AuditOutbox}.
     */
    public static final String AUDIT = "kit.audit.enabled";

    /** The value a switch must have; a switch that is absent is off. */
    public static final String ON = "true";

    private KitFeatures() {
    }
}
