package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadBalancerTest {

    private final String configuration = LoadBalancer.configuration(Ports.defaults(new Topology(3, 2)));

    @Test
    void eachServiceIsReachedOnItsUsualPortAndBalancedOverItsInstances() {
        assertThat(configuration)
                .contains("frontend signature-intake\n    bind 127.0.0.1:8081")
                .contains("backend signature-intake")
                .contains("server signature-intake-1 127.0.0.1:8181")
                .contains("server signature-intake-2 127.0.0.1:8281")
                .contains("frontend reporting-service\n    bind 127.0.0.1:8084")
                .contains("server reporting-service-2 127.0.0.1:8284");
    }

    @Test
    void anInstanceIsInRotationOnlyWhileReadyAndAFailedConnectionIsTriedElsewhere() {
        assertThat(configuration)
                .contains("option httpchk GET /q/health/ready")
                .contains("retry-on conn-failure empty-response")
                .contains("option redispatch")
                .contains("option forwardfor");
    }
}
