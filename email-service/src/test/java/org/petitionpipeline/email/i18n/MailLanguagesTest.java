package org.petitionpipeline.email.i18n;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.petitionpipeline.email.MailFixtures.acceptedIn;
import static org.petitionpipeline.email.MailFixtures.awaitMail;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.subjectOf;
import static org.petitionpipeline.email.MailFixtures.unsubscribePath;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.PetitionTranslation;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.mailings.MailingFixtures;
import org.petitionpipeline.email.unsubscribe.UnsubscribeTokens;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.identity.AdminApiPolicy;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * Mails and pages in the signer's language: the language a signature was given in (its consent's) for the mails about
 * it, the language of a mailed link for the page it opens, the browser's otherwise, English for anything unknown.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class MailLanguagesTest {

    private static final String BILINGUAL = "bilingual";
    private static final String BILINGUAL_VERIFIED = "bilingual-verified";
    private static final String SPANISH_TITLE = "Pida la renuncia del <b>fiscal</b> general";
    private static final Pattern FOOTER_UNSUBSCRIBE = Pattern.compile("https?://[^/\\s\"]+(/unsubscribe\\?token=\\S+)");
    private static final Pattern ERASURE_LINK =
            Pattern.compile("https?://[^/\\s\"]+(/privacy/erase/confirm\\?token=[^\\s\"]+&lang=es)");
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s\"]+(/confirm\\?token=[^\\s\"]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    PetitionCatalog catalog;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @BeforeEach
    void bilingualPetitionsAreInTheCatalog() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, BILINGUAL, bilingual(BILINGUAL, false));
            kafka.send(Topics.PETITIONS, BILINGUAL_VERIFIED, bilingual(BILINGUAL_VERIFIED, true));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.find(BILINGUAL).isPresent()
                && catalog.find(BILINGUAL_VERIFIED).isPresent());
    }

    @Test
    void aSpanishSignersReceiptIsInSpanishWithTheTitleEscapedAndItsUnsubscribeLinkOpensTheSpanishPage()
            throws Exception {
        String hash = newHash();
        AcceptedSignature signature = acceptedIn("es", BILINGUAL, "lucia@idiomas.example", hash);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        }
        awaitMail("lucia@idiomas.example", 1);

        MimeMessage receipt = mailTo("lucia@idiomas.example").get(0);
        assertThat(subjectOf(receipt)).isEqualTo("Gracias por firmar: " + SPANISH_TITLE);
        String html = htmlOf(receipt);
        assertThat(html).contains("<html lang=\"es\" dir=\"ltr\">", "Estimado/a Jane:",
                        "Gracias por firmar «Pida la renuncia del &lt;b&gt;fiscal&lt;/b&gt; general»",
                        "Darse de baja con un clic", "Descargar mis datos", "/privacy/erase?lang=es")
                .doesNotContain("<b>fiscal</b>", "Thank you", "Dear");
        assertThat(body(receipt)).contains("Estimado/a Jane:\r\n\r\nGracias por firmar «" + SPANISH_TITLE + "».");

        // the footer's link opens the page in the mail's language; the header's is for a client's one-click POST
        Matcher footer = FOOTER_UNSUBSCRIBE.matcher(body(receipt));
        assertThat(footer.find()).isTrue();
        String unsubscribe = footer.group(1);
        assertThat(unsubscribe).startsWith(unsubscribePath(receipt)).endsWith("&lang=es");
        given().accept("text/html").get(unsubscribe).then().statusCode(200).header("Content-Language", "es")
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("¿Darse de baja de los correos de la campaña?"))
                .body(containsString("&amp;lang=es\""));
        given().accept("text/html").post(unsubscribe).then().statusCode(200)
                .body(containsString("Se ha dado de baja"));

        // the evidence keeps the wording's version with the language it was shown in; the person keeps the language
        assertThat(queryText(dataSource, "select text_version || ' ' || language from email.consent"
                + " where signature_id = ?", signature.signatureId())).isEqualTo("v1-es es");
        assertThat(queryText(dataSource, "select language from email.person where email_hash = ?", hash))
                .isEqualTo("es");
    }

    @Test
    void aSpanishSignerIsAskedAndRemindedToConfirmInSpanishAndTheConfirmPageIsSpanish() throws Exception {
        AcceptedSignature signature = acceptedIn("es", BILINGUAL_VERIFIED, "mateo@idiomas.example", newHash());
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        }
        awaitMail("mateo@idiomas.example", 1);

        MimeMessage request = mailTo("mateo@idiomas.example").get(0);
        assertThat(subjectOf(request)).isEqualTo("Confirme su firma, por favor: " + SPANISH_TITLE);
        // a message continued on the next line of its file reads as one sentence
        assertThat(body(request)).contains("para que cada nombre corresponda a una persona real", "Confirmar mi firma");
        Matcher link = CONFIRM_LINK.matcher(body(request));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).endsWith("&lang=es");
        given().accept("text/html").get(link.group(1)).then().statusCode(200)
                .body(containsString("Pulse el botón para confirmar"));

        // the reminder (test profile: 3 s later) follows the signature's language as the request did
        awaitMail("mateo@idiomas.example", 2);
        MimeMessage reminder = mailTo("mateo@idiomas.example").get(1);
        assertThat(subjectOf(reminder)).isEqualTo("Recordatorio: confirme su firma, por favor: " + SPANISH_TITLE);
        assertThat(body(reminder)).contains("pero aún no ha confirmado su dirección de correo", "&lang=es");
        given().accept("text/html").post(link.group(1)).then().statusCode(200)
                .body(containsString("Gracias: su firma está confirmada"));
    }

    @Test
    void anArabicPageIsRightToLeftAndAnUnknownOrHostileLanguageFallsBackToEnglishQuietly() {
        String page = "/unsubscribe?token=" + unsubscribeTokens.issue(newHash());

        given().accept("text/html").get(page + "&lang=ar").then().statusCode(200).header("Content-Language", "ar")
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("هل تريد إلغاء الاشتراك في رسائل الحملة؟"));
        given().accept("text/html").get("/unsubscribe?token=forged&lang=ar").then().statusCode(400)
                .body(containsString("dir=\"rtl\""));
        for (String unknown : List.of("xx", "fr", "\"><script>alert(1)</script>", "")) {
            given().accept("text/html").queryParam("lang", unknown).get(page).then().statusCode(200)
                    .header("Content-Language", "en")
                    .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                    .body(containsString("Unsubscribe from campaign email?"))
                    .body(not(containsString("<script>")));
        }
        // a link without a language (mailed before languages existed) follows the browser
        given().accept("text/html").header("Accept-Language", "fr-CA, es-MX;q=0.8, en;q=0.5").get(page).then()
                .statusCode(200).header("Content-Language", "es").body(containsString("Darse de baja"));
    }

    @Test
    void theErasureLinkAskedForOnTheSpanishPageIsMailedInSpanishAndOpensTheSpanishPage() throws Exception {
        given().accept("text/html").header("Accept-Language", "es").get("/privacy/erase").then().statusCode(200)
                .body(containsString("action=\"/privacy/erase?lang=es\""));
        given().contentType("application/x-www-form-urlencoded").formParam("email", "not an address")
                .accept("text/html").post("/privacy/erase?lang=es").then().statusCode(400)
                .body(containsString("Esa no es una dirección de correo a la que podamos escribir."));
        given().contentType("application/x-www-form-urlencoded").formParam("email", "elena@idiomas.example")
                .accept("text/html").post("/privacy/erase?lang=es").then().statusCode(200)
                .body(containsString("Revise su correo"));
        awaitMail("elena@idiomas.example", 1);

        MimeMessage link = mailTo("elena@idiomas.example").get(0);
        assertThat(subjectOf(link)).isEqualTo("Borrar sus datos: confirme");
        Matcher confirm = ERASURE_LINK.matcher(body(link));
        assertThat(confirm.find()).isTrue();
        given().accept("text/html").get(confirm.group(1)).then().statusCode(200)
                .body(containsString("¿Borrar sus datos?"));
    }

    @Test
    void anUpdateInEnglishAndSpanishReachesEachSignerInTheirLanguage() throws Exception {
        String subject = "The vote is on Thursday";
        String spanishSubject = "La votación es el jueves";
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (AcceptedSignature signature : List.of(
                    acceptedIn("en", BILINGUAL, "oliver@idiomas.example", newHash()),
                    acceptedIn("es", BILINGUAL, "sofia@idiomas.example", newHash()))) {
                kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            }
        }
        awaitMail("oliver@idiomas.example", 1);
        awaitMail("sofia@idiomas.example", 1);

        String location = MailingFixtures.post(BILINGUAL, Map.of("subject", subject, "body", "Come **early**.",
                "translations", Map.of("es", Map.of("subject", spanishSubject,
                        "body", "Llegue **temprano**.<script>alert('es')</script>"))));
        MailingFixtures.awaitFinished(location, Duration.ofSeconds(20));

        MimeMessage english = MailingFixtures.updatesTo("oliver@idiomas.example", subject).get(0);
        assertThat(body(english)).contains("<strong>early</strong>", "You get this because you signed")
                .doesNotContain("temprano");
        MimeMessage spanish = MailingFixtures.updatesTo("sofia@idiomas.example", spanishSubject).get(0);
        assertThat(htmlOf(spanish)).contains("<html lang=\"es\" dir=\"ltr\">", "<strong>temprano</strong>",
                "Recibe este correo porque firmó esta petición", "unsubscribe?token=").doesNotContain("<script>");
        assertThat(MailingFixtures.updatesTo("sofia@idiomas.example", subject)).isEmpty();
    }

    @Test
    void aTranslationInALanguageThePetitionIsNotWrittenInIsRefused() throws Exception {
        for (String language : List.of("fr", "en", "<script>")) {
            MailingFixtures.postUpdate(BILINGUAL, Map.of("subject", "Hello", "body", "Hi",
                            "translations", Map.of(language, Map.of("subject", "Bonjour", "body", "Salut"))))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors", hasKey("translations." + language))
                    .body("errors.'translations." + language + "'", containsString("[es]"));
        }
        MailingFixtures.postUpdate(BILINGUAL, Map.of("subject", "Hello", "body", "Hi",
                        "translations", Map.of("es", Map.of("subject", "Hola\r\nBcc: mallory@evil.example"))))
                .then().statusCode(422).body("errors", hasKey("translations.es.subject"))
                .body("errors", hasKey("translations.es.body"));
        assertThat(queryText(dataSource, "select count(*) from email.mailing where petition_slug = ? and subject = ?",
                BILINGUAL, "Hello")).isEqualTo("0");
    }

    private static PetitionDefinition bilingual(String slug, boolean verifiedOnly) {
        return new PetitionDefinition(EventSchema.VERSION, slug, "Tell the Attorney General: resign", "Text",
                List.of(new PetitionTarget("Office of the AG", "U.S. Attorney General")), 1000, PetitionStatus.OPEN,
                "Email me updates", "v1-en", List.of(), List.of(), false, verifiedOnly, null, List.of(), Instant.now(),
                null, AdminApiPolicy.DEFAULT_ORGANIZATION, "en", null, Map.of("es", new PetitionTranslation(
                        SPANISH_TITLE, "Texto", "Envíenme novedades", "v1-es", null, Map.of())));
    }

    /** The HTML part of a received mail, decoded. */
    private static String htmlOf(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/html")) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no HTML part");
    }
}
