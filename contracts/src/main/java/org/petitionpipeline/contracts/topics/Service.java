package org.petitionpipeline.contracts.topics;

/** The services that produce and consume the pipeline's topics, named as their modules (and applications). */
public enum Service {

    SIGNATURE_INTAKE("signature-intake"),
    DEDUP("dedup-service"),
    EMAIL("email-service"),
    REPORTING("reporting-service");

    private final String module;

    Service(String module) {
        this.module = module;
    }

    /** The service's Maven module and Quarkus application name. */
    public String module() {
        return module;
    }
}
