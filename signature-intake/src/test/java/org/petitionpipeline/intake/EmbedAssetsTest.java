package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** The widget script, the iframe page around the no-JavaScript form, and the privacy notice they link to. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EmbedAssetsTest {

    private static final int GZIPPED_BUDGET_BYTES = 15 * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitions() {
        IntakeFixtures.publish(bootstrapServers,
                IntakeFixtures.petition("frame-anywhere", PetitionStatus.OPEN),
                IntakeFixtures.petition("frame-restricted", PetitionStatus.OPEN, List.of(), List.of("https://partner.example")),
                IntakeFixtures.petition("frame-country-required", PetitionStatus.OPEN,
                        List.of(SignerField.COUNTRY, SignerField.POSTAL_CODE), List.of()));
    }

    @Test
    void theScriptIsJavaScriptAnyPageMayLoadAndCache() {
        given().header("Origin", "https://blog.example").get("/embed.js")
                .then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", containsString("public"))
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue())
                .body(containsString("\"privacy_url\":\"/privacy\""), not(containsString("/*SETTINGS*/")));
    }

    @Test
    void theScriptIsSentGzippedWithinItsBudgetAndRevalidatesWithoutABody() {
        Response gzipped = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig()
                        .noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/embed.js");
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.asByteArray().length).isLessThan(GZIPPED_BUDGET_BYTES);
        assertThat(gzipped.headers().getValues("Vary")).anyMatch(vary -> vary.contains("Accept-Encoding"));

        given().header("Accept-Encoding", "gzip").header("If-None-Match", gzipped.header("ETag"))
                .get("/embed.js").then().statusCode(304);
    }

    @Test
    void theIframePageIsFrameableWhereThePetitionMayBeEmbeddedAndSignsWithoutJavaScript() {
        given().get("/petitions/frame-anywhere/embed")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", nullValue())
                .body(containsString("<form method=\"post\" action=\"/api/petitions/frame-anywhere/signatures?lang=en\">"),
                        containsString("name=\"form_rendered_at\""), containsString("name=\"idempotency_key\""),
                        containsString("<script src=\"/embed.js\" data-petition=\"frame-anywhere\""));

        given().get("/petitions/frame-restricted/embed")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors https://partner.example"));
    }

    @Test
    void theNoJavaScriptFormOffersEveryIsoCountryByNameAndRequiresItWhereThePetitionDoes() {
        String optional = given().get("/petitions/frame-anywhere/embed").then().statusCode(200).extract().asString();
        String country = optional.replaceAll("(?s).*(<select id=\"country\"[^>]*>.*?</select>).*", "$1");
        assertThat(country).startsWith("<select id=\"country\" name=\"country\" autocomplete=\"country\">")
                .contains("<option value=\"\">Choose your country</option>", "<option value=\"US\">United States</option>",
                        "<option value=\"GB\">United Kingdom</option>", "<option value=\"CI\">Côte d’Ivoire</option>");
        assertThat(country.split("<option value=\"[A-Z]{2}\">", -1)).hasSize(Locale.getISOCountries().length + 1);
        assertThat(country.indexOf(">Germany<")).as("sorted by name").isLessThan(country.indexOf(">Ghana<"));
        assertThat(optional).contains("Country (optional)");

        String required = given().get("/petitions/frame-country-required/embed").then().statusCode(200)
                .extract().asString();
        assertThat(required).contains("<select id=\"country\" name=\"country\" autocomplete=\"country\" required>",
                "<input id=\"postal_code\" name=\"postal_code\" autocomplete=\"postal-code\" maxlength=\"16\" required>")
                .doesNotContain("Country (optional)");
    }

    @Test
    void anUnknownPetitionHasNoIframePage() {
        given().get("/petitions/no-such-petition/embed").then().statusCode(404);
    }

    @Test
    void thePrivacyNoticeIsAPageThatLoadsNothing() {
        given().get("/privacy").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("How we use your data"));
    }

    @Test
    void thePrivacyNoticeSaysWhatTheRunningConfigurationDoesAndLinksToErasure() {
        given().get("/privacy").then().statusCode(200)
                .body(containsString("<a href=\"/privacy/erase\">Erase my data</a>"))
                .body(containsString("<a href=\"/privacy/export\">Download my data</a>"))
                .body(containsString("within " + TopicCatalogue.longestSurvival().toDays() + " days"))
                .body(containsString("recognised for 24 hours"));
    }
}
