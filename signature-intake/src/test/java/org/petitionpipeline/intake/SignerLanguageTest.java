package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.OfficeContact;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.PetitionTranslation;
import org.petitionpipeline.testsupport.KafkaTestResource;

/**
 * A petition in English, Spanish and Arabic: the widget's data, the no-JavaScript form, its thank-you and problem
 * pages in the signer's language, and the consent evidence naming the language and wording version shown.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SignerLanguageTest {

    private static final String SLUG = "languages-petition";
    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static PetitionDefinition multilingual() {
        PetitionTarget attorneyGeneral = new PetitionTarget("Pam Bondi", "U.S. Attorney General", "US",
                List.of(new OfficeContact("Main switchboard", "+1 202-514-2000")));
        return new PetitionDefinition(EventSchema.VERSION, SLUG, "Tell the Attorney General: resign", "Text",
                List.of(attorneyGeneral), 1000, PetitionStatus.OPEN, "Email me updates", "v1", List.of(),
                List.of(), false, false, null, List.of(), Instant.now(), null, "default", "en", null,
                Map.of("es", new PetitionTranslation("Dígale al Fiscal General: renuncie", null,
                                "Envíenme novedades", "v1-es", null,
                                Map.of("U.S. Attorney General", "Fiscal General de EE. UU.")),
                        "ar", new PetitionTranslation("<script>alert(1)</script> استقل", null, null, null, null,
                                null)));
    }

    @BeforeEach
    void petitionIsOpen() {
        IntakeFixtures.publish(bootstrapServers, multilingual());
    }

    @Test
    void theEmbedsChoiceThenTheBrowsersLanguageThenThePetitionsOwn() {
        List<String> vary = given().queryParam("lang", "es").get("/api/petitions/" + SLUG).then().statusCode(200)
                .extract().headers().getValues("Vary");
        assertThat(vary).as("caches keep one answer per language").contains("Accept-Language");
        given().header("Accept-Encoding", "gzip").get("/api/petitions/" + SLUG).then().statusCode(200)
                .header("Content-Encoding", "gzip");
        given().queryParam("lang", "es").header("Accept-Language", "ar").get("/api/petitions/" + SLUG)
                .then().statusCode(200).header("Content-Language", "es")
                .body("language", equalTo("es")).body("direction", equalTo("ltr"))
                .body("title", equalTo("Dígale al Fiscal General: renuncie"))
                .body("text", equalTo("Text"))
                .body("consent_text_version", equalTo("v1-es"))
                .body("targets[0].title", equalTo("Fiscal General de EE. UU."))
                .body("messages.sign", equalTo("Firmar la petición"))
                .body("messages.step", equalTo("Paso {step} de {steps}"))
                .body("outcomes[0].label", equalTo("Hablé con alguien de su equipo"));
        given().header("Accept-Language", "fr-FR, ar;q=0.8, en;q=0.5").get("/api/petitions/" + SLUG)
                .then().statusCode(200).body("language", equalTo("ar")).body("direction", equalTo("rtl"))
                .body("messages.sign", equalTo("وقّع العريضة"));
        given().queryParam("lang", "xx-<b>").header("Accept-Language", "de").get("/api/petitions/" + SLUG)
                .then().statusCode(200).body("language", equalTo("en")).body("messages.sign", equalTo("Sign the petition"))
                .body("languages", equalTo(List.of("ar", "en", "es")));
    }

    @Test
    void theFormWithoutJavaScriptIsWrittenInTheSignersLanguageAndDirection() {
        given().queryParam("lang", "es").get("/petitions/" + SLUG + "/embed").then().statusCode(200)
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("Firmar la petición")).body(containsString("Envíenme novedades"))
                .body(containsString("action=\"/api/petitions/" + SLUG + "/signatures?lang=es\""))
                .body(containsString("data-lang=\"es\""));
        given().queryParam("lang", "ar").get("/petitions/" + SLUG + "/embed").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; استقل"))
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void thePrivacyNoticeTheFormLinksToIsInTheFormsLanguage() {
        given().queryParam("lang", "es").get("/petitions/" + SLUG + "/embed").then().statusCode(200)
                .body(containsString("/privacy?lang=es"));
        given().queryParam("lang", "es").get("/privacy").then().statusCode(200)
                .body(containsString("<html lang=\"es\" dir=\"ltr\">")).body(containsString("<h1>Cómo usamos sus datos</h1>"))
                .body(containsString(">Borrar mis datos</a>"));
        given().queryParam("lang", "ar").get("/privacy").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"));
        given().queryParam("lang", "zz").get("/privacy").then().statusCode(200)
                .body(containsString("<html lang=\"en\" dir=\"ltr\">")).body(containsString("How we use your data"));
    }

    @Test
    void aSpanishSignersConsentRecordsTheLanguageAndItsWordingVersionAndTheNextPagesStaySpanish() {
        String thanks = given().config(NO_REDIRECTS).formParam("given_name", "María").formParam("family_name", "López")
                .formParam("email", "maria@example.org").formParam("email_updates", "on")
                .formParam("consent_text_version", "v1-es")
                .post("/api/petitions/" + SLUG + "/signatures?lang=es")
                .then().statusCode(303).extract().header("Location");

        assertThat(thanks).endsWith("&lang=es");
        assertThat(IntakeFixtures.submitted(bootstrapServers, SLUG))
                .filteredOn(signature -> signature.signer().givenName().equals("María")).singleElement()
                .satisfies(signature -> {
                    assertThat(signature.consent().language()).isEqualTo("es");
                    assertThat(signature.consent().textVersion()).isEqualTo("v1-es");
                });
        given().get(thanks).then().statusCode(200).body(containsString("Gracias por firmar"))
                .body(containsString("Fiscal General de EE. UU."))
                .body(containsString("action=\"/api/petitions/" + SLUG + "/calls?lang=es\""));
    }

    @Test
    void aProblemPageAnswersInTheFormsLanguage() {
        given().accept("text/html").formParam("given_name", "María").formParam("email", "not an address")
                .post("/api/petitions/" + SLUG + "/signatures?lang=es")
                .then().statusCode(422).contentType("text/html")
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("Su firma no quedó registrada"))
                .body(containsString("Vuelva atrás, corrija el formulario y firme de nuevo."))
                .body(containsString("«not an address» no es una dirección de correo a la que podamos escribir"));
    }

    @Test
    void theEnglishConsentVersionIsStaleForASpanishForm() {
        given().contentType("application/json").body("""
                {"person": {"given_name": "Ana", "email_addresses": [{"address": "ana@example.org"}]},
                 "consent": {"email_updates": true, "text_version": "v1", "language": "es"}}""")
                .post("/api/petitions/" + SLUG + "/signatures")
                .then().statusCode(422).body("errors.'consent.text_version'", containsString("vuelva a cargar la página"));
    }
}
