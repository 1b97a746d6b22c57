package org.petitionpipeline.reporting.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.webhooks.service.EndpointSecrets;
import org.petitionpipeline.reporting.webhooks.service.WebhookSignature;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    /** The example the Standard Webhooks reference libraries test against. */
    @Test
    void signsTheStandardWebhooksExampleAsTheReferenceLibrariesDo() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToTheIdTimestampOrBodyChangesTheSignature() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "a", 1, BODY);

        assertThat(WebhookSignature.sign(secret, "b", 1, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "a", 2, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "a", 1, "{}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(), "a", 1, BODY)).isNotEqualTo(signature);
    }

    @Test
    void newSecretsAreWhsecAnd32RandomBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void aSecretWithoutItsPrefixIsRefused() {
        assertThatThrownBy(() -> WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "a", 1, BODY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whsec_");
    }

    @Test
    void duringARotationBothSecretsSignUntilTheOldOnesOverlapEnds() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        Instant overlapEnds = Instant.parse("2026-12-08T12:00:00Z");
        EndpointSecrets secrets = new EndpointSecrets(current, previous, overlapEnds);

        List<String> during = secrets.signingAt(overlapEnds.minusSeconds(1));
        assertThat(during).containsExactly(current, previous);
        assertThat(WebhookSignature.header(during, "msg", 7, BODY).split(" ")).containsExactly(
                WebhookSignature.sign(current, "msg", 7, BODY), WebhookSignature.sign(previous, "msg", 7, BODY));

        assertThat(secrets.signingAt(overlapEnds)).containsExactly(current);
        assertThat(WebhookSignature.header(secrets.signingAt(overlapEnds), "msg", 7, BODY))
                .isEqualTo(WebhookSignature.sign(current, "msg", 7, BODY));
        assertThat(new EndpointSecrets(current, null, null).signingAt(overlapEnds)).containsExactly(current);
    }
}
