package org.petitionpipeline.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.petitionpipeline.contracts.topics.Service;

/**
 * A service's module as the image build sees it: the build context, holding the fast-jar application that
 * {@code ./mvnw package} leaves in {@code target/quarkus-app}.
 */
public record PackagedService(Service service, Path module) {

    public static PackagedService of(Service service) {
        Path module = Repository.file(service.module());
        if (!Files.isRegularFile(module.resolve("target/quarkus-app/quarkus-run.jar"))) {
            throw new AssertionError(service.module() + " is not packaged (no target/quarkus-app/quarkus-run.jar): "
                    + "run ./mvnw package -DskipTests first, or run these tests within ./mvnw verify");
        }
        return new PackagedService(service, module);
    }

    public String name() {
        return service.module();
    }

    public Path applicationProperties() {
        return module.resolve("src/main/resources/application.properties");
    }
}
