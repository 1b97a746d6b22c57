package org.petitionpipeline.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeFileTest {

    @Test
    void composeAcceptsTheFileWithTheExampleSettings() {
        DockerCompose.Result result = DockerCompose.config("--quiet");

        assertThat(result.exitCode()).as("docker-compose config --quiet said:\n%s", result.output()).isZero();
    }
}
