package org.petitionpipeline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.intake.HostileInputs.HostileRequest;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;

/**
 * Every request of the hostile corpus against the real endpoint and broker: a 4xx answer with a problem+json
 * body, never a 500 and never a 202, and not one record published for the petition they target.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    private boolean petitionsPublished;

    // not @BeforeAll: RestAssured, which the fixture uses, learns the app's port only before each test
    @BeforeEach
    void petitions() {
        if (petitionsPublished) {
            return;
        }
        petitionsPublished = true;
        IntakeFixtures.publish(bootstrapServers,
                IntakeFixtures.petition(HostileInputs.PETITION, PetitionStatus.OPEN),
                IntakeFixtures.petition("hostile-restricted", PetitionStatus.OPEN, List.of(),
                        List.of("https://partner.example")));
    }

    static Stream<HostileRequest> corpus() {
        return HostileInputs.all();
    }

    @Test
    void theCorpusIsLargeEnoughToMeanSomething() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(200);
        assertThat(corpus().map(HostileRequest::name).distinct().count()).as("every case has its own name")
                .isEqualTo(corpus().count());
    }

    // the JDK's client sends the bytes exactly as given, invalid UTF-8 and all, chunked when asked
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblem(HostileRequest hostile) throws Exception {
        byte[] body = hostile.body();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(hostile.path()))
                .header("Content-Type", hostile.contentType())
                .method(hostile.method(), hostile.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        hostile.headers().forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("status of %s", hostile.name()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as("media type of %s", hostile.name())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(KafkaTestClient.parse(response.body(), Problem.class).status()).isEqualTo(response.statusCode());
    }

    @AfterAll
    void nothingWasPublished() {
        assertThat(IntakeFixtures.submitted(bootstrapServers, HostileInputs.PETITION)).isEmpty();
        assertThat(IntakeFixtures.submitted(bootstrapServers, "hostile-restricted")).isEmpty();
    }
}
