package org.petitionpipeline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.petitionpipeline.deploy.Repository;

/**
 * An overlay of deploy/k8s as {@code kubectl kustomize} renders it, every resource parsed into its typed model
 * ({@link TypedModels}).
 */
record RenderedOverlay(String name, List<HasMetadata> resources) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static RenderedOverlay render(String overlay) {
        Path directory = Repository.file("deploy/k8s/overlays/" + overlay);
        List<HasMetadata> resources = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(kustomize(directory))) {
            while (documents.hasNext()) {
                resources.add(TypedModels.parse((ObjectNode) documents.next()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read what kubectl kustomize rendered of " + directory, e);
        }
        return new RenderedOverlay(overlay, List.copyOf(resources));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("overlay " + this.name + " has no " + kind.getSimpleName()
                        + " named " + name));
    }

    private static String kustomize(Path directory) throws IOException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString()).redirectErrorStream(false)
                    .start();
        } catch (IOException notInstalled) {
            throw new AssertionError("kubectl is needed to render the Kubernetes overlays (kubectl kustomize): install"
                    + " kubectl 1.27 or later (its kustomize 5), e.g. from https://kubernetes.io/docs/tasks/tools/",
                    notInstalled);
        }
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + errors);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return rendered;
    }
}
