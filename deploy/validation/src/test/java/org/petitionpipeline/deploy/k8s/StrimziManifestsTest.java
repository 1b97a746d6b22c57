package org.petitionpipeline.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.deploy.Repository;

/**
 * The committed KafkaTopics and KafkaUsers are what the catalogue makes of them: a topic or a grant added to the
 * catalogue, and not to the manifests, fails here. {@code -Ddeploy.regenerate=true} writes them anew.
 */
class StrimziManifestsTest {

    @Test
    void everyCatalogueTopicHasItsKafkaTopic() throws IOException {
        assertGenerated(Repository.file("deploy/k8s/base/kafka/topics.yaml"), StrimziManifests.topics());
    }

    @Test
    void everyServiceHasItsKafkaUserWithExactlyItsGrants() throws IOException {
        assertGenerated(Repository.file("deploy/k8s/base/kafka/users.yaml"), StrimziManifests.users());
    }

    private static void assertGenerated(Path committed, String generated) throws IOException {
        if (Boolean.getBoolean("deploy.regenerate")) {
            Files.writeString(committed, generated);
        }
        assertThat(committed).as("%s is not what the topic catalogue makes of it: regenerate it (see its header)",
                committed).hasContent(generated);
    }
}
