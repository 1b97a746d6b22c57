package org.petitionpipeline.local.launcher;

import java.nio.file.Path;

/** The four services, by the Maven module that packages each. */
public enum PipelineService {
    INTAKE("signature-intake", false),
    DEDUP("dedup-service", true),
    EMAIL("email-service", true),
    REPORTING("reporting-service", true);

    private final String module;
    private final boolean usesDatabase;

    PipelineService(String module, boolean usesDatabase) {
        this.module = module;
        this.usesDatabase = usesDatabase;
    }

    public String module() {
        return module;
    }

    public boolean usesDatabase() {
        return usesDatabase;
    }

    /** The packaged app, as {@code ./mvnw package} leaves it. */
    public Path runnableJar(Path projectHome) {
        return projectHome.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
