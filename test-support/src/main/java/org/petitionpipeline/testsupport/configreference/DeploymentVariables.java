package org.petitionpipeline.testsupport.configreference;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables of a service as a deployment (a Compose file, Kubernetes manifests) sees them: those
 * docs/configuration.md names for it, which its {@code ConfigurationReferenceTest} holds to what it reads, and the
 * secrets its {@code application.properties} takes from the environment with no default, without which the
 * production profile does not start.
 */
public final class DeploymentVariables {

    private DeploymentVariables() {
    }

    /** The variables of the service's section of the reference and of the table shared by every service. */
    public static Set<String> documented(Path reference, String service) {
        Set<String> variables = new TreeSet<>(ReferenceTable.sharedEnvironmentVariables(reference));
        ReferenceTable.read(reference, service).values().stream()
                .map(ReferenceTable.Row::environmentVariable)
                .flatMap(Optional::stream)
                .forEach(variables::add);
        return variables;
    }

    /** The variables named as {@code ${VARIABLE}}, with no default, outside any profile. */
    public static Set<String> required(Path applicationProperties) {
        Set<String> variables = new TreeSet<>();
        ApplicationProperties.read(applicationProperties).values().stream()
                .filter(setting -> setting.valued() && setting.defaultValue().isEmpty())
                .map(ApplicationProperties.Setting::environmentVariable)
                .flatMap(Optional::stream)
                .forEach(variables::add);
        return variables;
    }
}
