package org.petitionpipeline.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.petitionpipeline.deploy.Repository;

/**
 * The Compose file as Compose itself reads it with the example settings: {@code docker-compose config} validates it
 * against the Compose schema, interpolates every {@code ${VARIABLE}} from .env.example and resolves the YAML
 * anchors, so the checks see what {@code docker compose up} would run. Needs no container engine.
 */
final class DockerCompose {

    static final Path FILE = Repository.file("deploy/compose/compose.yaml");
    static final Path EXAMPLE_SETTINGS = Repository.file("deploy/compose/.env.example");

    /** Compose's exit code and what it printed, standard error after standard output. */
    record Result(int exitCode, String output) {
    }

    private static JsonNode resolved;

    private DockerCompose() {
    }

    static Result config(String... options) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--file", FILE.toString(),
                "--env-file", EXAMPLE_SETTINGS.toString(), "config"));
        command.addAll(List.of(options));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is not installed, and it checks the Compose file without a "
                    + "container engine: apt-get install docker-compose (Debian's 1.29), or pip install "
                    + "docker-compose", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker-compose config did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while docker-compose config ran", e);
        }
    }

    /** The resolved file, read once for all the checks. */
    static synchronized JsonNode resolved() {
        if (resolved == null) {
            Result result = config();
            if (result.exitCode() != 0) {
                throw new AssertionError("docker-compose config failed:\n" + result.output());
            }
            try {
                resolved = new ObjectMapper(new YAMLFactory()).readTree(result.output());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read docker-compose config's output", e);
            }
        }
        return resolved;
    }

    static JsonNode service(String name) {
        JsonNode service = resolved().path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError(FILE + " has no service " + name);
        }
        return service;
    }
}
