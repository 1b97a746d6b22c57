package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** The embed without JavaScript: a plain HTML form posts, and the browser lands on a thank-you page. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FormPostTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitionIsOpen() {
        IntakeFixtures.publish(bootstrapServers, IntakeFixtures.petition("form-petition", PetitionStatus.OPEN));
    }

    @Test
    void formPostIsPublishedAndRedirectsToTheThankYouPage() {
        String location = given().config(NO_REDIRECTS)
                .formParam("given_name", "Ada").formParam("family_name", "Lovelace")
                .formParam("email", "ada@example.org").formParam("postal_code", "SW1A 1AA")
                .formParam("country", "GB").formParam("email_updates", "on")
                .formParam("comments", "Signed from a plain form")
                .post("/api/petitions/form-petition/signatures")
                .then().statusCode(303)
                .header("Location", matchesPattern(".*/petitions/form-petition/thank-you\\?submission_id=[0-9a-f-]{36}&lang=en"))
                .extract().header("Location");

        List<SubmittedSignature> submitted = IntakeFixtures.submitted(bootstrapServers, "form-petition");
        assertThat(submitted).filteredOn(signature -> signature.signer().givenName().equals("Ada"))
                .singleElement().satisfies(signature -> {
            assertThat(location).contains(signature.submissionId().toString());
            assertThat(signature.signer().givenName()).isEqualTo("Ada");
            assertThat(signature.signer().country()).isEqualTo("GB");
            assertThat(signature.consent().emailUpdates()).isTrue();
        });

        given().get(location).then().statusCode(200).contentType("text/html")
                .body(containsString("Thank you for signing"))
                .body(containsString("Tell the Attorney General: resign"));
    }

    @Test
    void aBrowserSeesWhatToFixOnAPageAndAnApiClientGetsAProblem() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .formParam("given_name", "Ada").formParam("email", "not-an-address")
                .post("/api/petitions/form-petition/signatures")
                .then().statusCode(422).contentType("text/html")
                .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                .header("X-Frame-Options", nullValue())
                .body(containsString("Your signature was not recorded"))
                .body(containsString("person.email_addresses"));

        given().formParam("given_name", "Ada").formParam("email", "not-an-address")
                .post("/api/petitions/form-petition/signatures")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.'person.email_addresses'", containsString("not an email address"));
    }

    @Test
    void anUncheckedConsentBoxIsNoConsent() {
        given().config(NO_REDIRECTS).formParam("given_name", "Grace").formParam("email", "grace@example.org")
                .post("/api/petitions/form-petition/signatures").then().statusCode(303);

        assertThat(IntakeFixtures.submitted(bootstrapServers, "form-petition"))
                .filteredOn(signature -> signature.signer().givenName().equals("Grace"))
                .singleElement().satisfies(signature -> assertThat(signature.consent().emailUpdates()).isFalse());
    }

    @Test
    void thankYouPageOfAnUnknownPetitionIsNotFound() {
        given().get("/petitions/no-such-petition/thank-you").then().statusCode(404)
                .body("detail", equalTo("there is no petition 'no-such-petition'"));
    }
}
