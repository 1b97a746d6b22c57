package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.local.systemtest.HeadlessChromium.screenshot;
import static org.petitionpipeline.local.systemtest.HeadlessChromium.until;
import static org.petitionpipeline.local.systemtest.HeadlessChromium.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;

/**
 * The embed widget in a real browser, on a news page of another origin, against the whole running pipeline:
 * what a signer sees and does (sign, share, call the target's office), by mouse, by keyboard alone, and without
 * JavaScript.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedBrowserPipeline.class)
// first on the shared pipeline: the demo petition's call count must still equal its signatures
@Order(Order.DEFAULT + 1)
class EmbedWidgetIT {

    private static LocalPipeline pipeline;
    private static PipelineUser user;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(PipelineInBrowser run) {
        pipeline = run.pipeline();
        user = run.user();
        browser = run.browser();
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void aSignerOnAnotherOriginSignsSeesTheShareStepAndTheCounterRises() {
        SearchContext form = openHostPage();
        WebElement host = browser.findElement(By.cssSelector("[data-petition-embed]"));
        System.out.printf("embed.js: script start -> form rendered: %s ms%n", host.getDomAttribute("data-render-ms"));
        assertThat(text(form, ".step")).as("the demo target has an office phone: sign, share, call")
                .isEqualTo("Step 1 of 3");
        assertThat(styleOf(form.findElement(By.cssSelector("#f-given_name")), "backgroundColor"))
                .as("the host page's yellow inputs stay outside the widget").isEqualTo("rgb(255, 255, 255)");
        long before = until(browser, driver -> host.getDomAttribute("data-total") == null ? null
                : Long.valueOf(host.getDomAttribute("data-total")));
        screenshot(browser, "01-sign");
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "01-sign-widget");

        fillIn(form, "Jane", "Doe", "jane.embed@example.org", "20500");
        form.findElement(By.cssSelector("input[type=checkbox]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();

        until(browser, driver -> text(widget(driver), "h3").startsWith("Thank you, Jane!"));
        assertThat(text(widget(browser), ".step")).isEqualTo("Step 2 of 3");
        screenshot(browser, "02-share");
        List<Object> events = (List<Object>) browser.executeScript("return window.petitionEvents.map(e => e.name + ':' + "
                + "(e.detail.submissionId ? 'id' : e.detail.step))");
        assertThat(events).containsExactly("petition:step:1", "petition:signed:id", "petition:step:2");

        until(browser, driver -> Long.parseLong(host.getDomAttribute("data-total")) == before + 1);
        assertThat(text(widget(browser), ".count")).isEqualTo("%d of 100,000 signatures".formatted(before + 1));
        screenshot(browser, "03-counted");
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "03-counted-widget");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void afterSharingTheSignerCallsTheTargetsOfficeAndReportsHowItWentAndReportingCountsIt() throws Exception {
        long before = user.calls();
        SearchContext shown = widget(browser);
        buttons(shown, "Next: call your representative").get(0).click();

        SearchContext step = until(browser, driver -> text(widget(driver), "h3").equals("Call your representative")
                ? widget(driver) : null);
        assertThat(text(step, ".step")).isEqualTo("Step 3 of 3");
        WebElement phone = step.findElement(By.cssSelector("a[href^='tel:']"));
        assertThat(phone.getDomAttribute("href")).isEqualTo("tel:+12025142000");
        assertThat(phone.getText()).isEqualTo("+1 202-514-2000");
        assertThat(text(step, "li")).startsWith("Office of the Attorney General, U.S. Attorney General")
                .contains("Department of Justice switchboard: +1 202-514-2000");
        assertThat(step.findElement(By.cssSelector("input[name=target_name]")).isSelected())
                .as("the only target called is chosen already").isTrue();
        step.findElement(By.cssSelector("input[name=outcome][value=LEFT_VOICEMAIL]")).click();
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "08-call-widget");
        buttons(step, "Send").get(0).click();

        until(browser, driver -> text(widget(driver), ".note").startsWith("Thank you for calling!"));
        List<Object> events = (List<Object>) browser.executeScript("return window.petitionEvents"
                + ".filter(e => e.name === 'petition:called').map(e => e.detail.target + ':' + e.detail.outcome)");
        assertThat(events).containsExactly("Office of the Attorney General:LEFT_VOICEMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> user.calls() == before + 1);
        // the widget asks reporting again shortly after the report
        String called = until(browser, driver -> {
            String line = text(widget(driver), ".calls");
            return line.isEmpty() ? null : line;
        });
        assertThat(called).isEqualTo("%d %s called so far.".formatted(before + 1, before == 0 ? "person has" : "people have"));
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "09-called-widget");
    }

    @Test
    @Order(3)
    void aPetitionWithoutOfficePhonesHasNoCallStep() {
        String definition = """
                {"slug": "no-phones", "title": "Keep the library open", "text": "The council must keep it open.",
                 "targets": [{"name": "City Council", "title": "Council of Elm Street"}], "goal": 500}""";
        Http.postJson(pipeline.url(PipelineService.REPORTING).resolve("/api/admin/petitions"), definition,
                pipeline.settings().secrets().adminToken());
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(pipeline.url(PipelineService.INTAKE)
                .resolve("/api/petitions/no-phones")).statusCode() == 200);

        browser.get(pipeline.url(PipelineService.INTAKE).resolve("/petitions/no-phones/embed").toString());
        SearchContext form = until(browser, driver -> signForm(widget(driver)));
        assertThat(text(form, ".step")).isEqualTo("Step 1 of 2");
        fillIn(form, "Lou", "Reed", "lou.nophones@example.org", "20500");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        until(browser, driver -> text(widget(driver), "h3").startsWith("Thank you, Lou!"));
        SearchContext shared = widget(browser);
        assertThat(text(shared, ".step")).isEqualTo("Step 2 of 2");
        assertThat(buttons(shared, "Next: call your representative")).isEmpty();
    }

    @Test
    @Order(4)
    void fieldErrorsFromTheServerAppearNextToTheirFields() {
        SearchContext form = openHostPage();
        fillIn(form, "Jane", "", "jane@@example", "");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement email = until(browser, driver -> {
            WebElement field = widget(driver).findElement(By.cssSelector("#f-email"));
            return "true".equals(field.getDomAttribute("aria-invalid")) ? field : null;
        });
        SearchContext shown = widget(browser);
        assertThat(email.getDomAttribute("aria-describedby")).isEqualTo("f-email-error");
        assertThat(text(shown, "#f-email-error")).contains("is not an email address we can deliver to");
        assertThat(shown.findElement(By.cssSelector("#f-given_name")).getDomAttribute("aria-invalid")).isNull();
        assertThat(shown.findElement(By.cssSelector("[role=alert]")).getText()).contains("invalid field");
        screenshot(browser, "04-field-errors");
    }

    @Test
    @Order(5)
    void theSameSignerAgainIsThankedAndCountedOnce() throws Exception {
        long before = user.total();
        SearchContext form = openHostPage();
        fillIn(form, "Jane", "Doe", "Jane.Embed@example.org", "20500");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        // intake takes it (202: dedup decides later, and it cannot know yet), so the widget thanks again...
        until(browser, driver -> text(widget(driver), "h3").startsWith("Thank you, Jane!"));
        // ...and dedup keeps the one signature: the total does not move
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> user.total() == before);
    }

    @Test
    @Order(6)
    void aKeyboardAloneCanSign() {
        openHostPage();
        Actions keys = new Actions(browser);
        until(browser, driver -> {
            keys.sendKeys(Keys.TAB).perform();
            return "f-given_name".equals(focusedInWidget());
        });
        keys.sendKeys("Kim", Keys.TAB, "Lee", Keys.TAB, "kim.keyboard@example.org", Keys.TAB, "20500",
                Keys.TAB, Keys.TAB, "Typed, not clicked.", Keys.TAB, Keys.SPACE).perform();
        assertThat(widget(browser).findElement(By.cssSelector("input[type=checkbox]")).isSelected()).isTrue();
        keys.sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER).perform();

        until(browser, driver -> text(widget(driver), "h3").startsWith("Thank you, Kim!"));
        assertThat(focusedInWidget()).as("focus moves to the new step's heading").isEqualTo("H3");
    }

    @Test
    @Order(7)
    void theIframeVariantRemembersTheSignerOnItsOwnOrigin() {
        openHostPage();
        browser.switchTo().frame("petition-frame");
        SearchContext form = until(browser, driver -> signForm(widget(driver)));
        fillIn(form, "Ann", "Smith", "ann.iframe@example.org", "20500");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        until(browser, driver -> text(widget(driver), "h3").startsWith("Thank you, Ann!"));

        browser.navigate().refresh();
        browser.switchTo().frame("petition-frame");
        SearchContext again = until(browser, driver -> signForm(widget(driver)));
        assertThat(text(again, ".note")).contains("Welcome back, Ann.", "signed this petition from this browser",
                "Not Ann?");
        assertThat(again.findElement(By.cssSelector("#f-email")).getDomProperty("value")).isEqualTo("ann.iframe@example.org");
        browser.switchTo().defaultContent();
        browser.executeScript("document.getElementById('petition-frame').scrollIntoView()");
        screenshot(browser, "05-iframe-returning-signer");

        browser.switchTo().frame("petition-frame");
        Number daysKept = (Number) browser.executeScript(
                "return (JSON.parse(localStorage.getItem('petition-embed:signer')).until - Date.now()) / 86400000");
        assertThat(daysKept.doubleValue()).as("days the signer stays remembered").isBetween(29.9, 30.0);
        widget(browser).findElement(By.cssSelector("button.link")).click();
        SearchContext forgotten = widget(browser);
        assertThat(forgotten.findElements(By.cssSelector(".note"))).isEmpty();
        assertThat(forgotten.findElement(By.cssSelector("#f-email")).getDomProperty("value")).isEmpty();
        assertThat(browser.executeScript("return localStorage.getItem('petition-embed:signer')")).isNull();
        browser.switchTo().defaultContent();
    }

    @Test
    @Order(8)
    void theIframeForgetsASignerAfterThirtyDays() {
        openHostPage();
        browser.switchTo().frame("petition-frame");
        until(browser, driver -> signForm(widget(driver)));
        browser.executeScript("localStorage.setItem('petition-embed:signer', JSON.stringify({value: {given_name: 'Ann',"
                + " email: 'ann.iframe@example.org'}, until: Date.now() - 1000}))");

        browser.navigate().refresh();
        browser.switchTo().frame("petition-frame");
        SearchContext lapsed = until(browser, driver -> signForm(widget(driver)));
        assertThat(lapsed.findElements(By.cssSelector(".note"))).isEmpty();
        assertThat(lapsed.findElement(By.cssSelector("#f-email")).getDomProperty("value")).isEmpty();
        assertThat(browser.executeScript("return localStorage.getItem('petition-embed:signer')")).isNull();
        browser.switchTo().defaultContent();
    }

    @Test
    @Order(9)
    void withoutJavaScriptTheIframesPlainFormsSignAndReportACall() throws Exception {
        long callsBefore = user.calls();
        ChromeDriver noScript = HeadlessChromium.start(false);
        try {
            noScript.get(pipeline.demoHostPage().toString());
            assertThat(noScript.findElements(By.cssSelector("[data-petition-embed]"))).isEmpty();
            noScript.switchTo().frame("petition-frame");
            noScript.findElement(By.name("given_name")).sendKeys("Noor");
            noScript.findElement(By.name("email")).sendKeys("noor.noscript@example.org");
            new Select(noScript.findElement(By.name("country"))).selectByValue("GB");
            noScript.findElement(By.name("postal_code")).sendKeys("SW1A 1AA");
            screenshot(noScript, "06-no-javascript-form");
            noScript.findElement(By.cssSelector("button[type=submit]")).click();

            until(noScript, driver -> driver.findElement(By.tagName("h1")).getText().equals("Thank you for signing"));
            // the frame's own address: getCurrentUrl() names the top-level page
            assertThat(noScript.findElement(By.tagName("body")).getText()).contains("Reference: ")
                    .doesNotContain("Reference: none");
            assertThat(noScript.findElement(By.cssSelector("a[href='tel:+12025142000']")).getText())
                    .isEqualTo("+1 202-514-2000");
            noScript.switchTo().defaultContent();
            noScript.executeScript("document.getElementById('petition-frame').scrollIntoView()");
            screenshot(noScript, "07-no-javascript-thank-you");

            noScript.switchTo().frame("petition-frame");
            noScript.findElement(By.cssSelector("input[name=outcome][value=TALKED_TO_STAFF]")).click();
            noScript.findElement(By.cssSelector("form button[type=submit]")).click();
            until(noScript, driver -> driver.findElement(By.tagName("h1")).getText().equals("Thank you for calling"));
            await().atMost(Duration.ofSeconds(30)).until(() -> user.calls() == callsBefore + 1);
        } finally {
            noScript.quit();
        }
    }

    @Test
    @Order(10)
    void aNewYorkSignerIsShownTheirOwnSenatorsFirstAndReportsCallingOne() throws Exception {
        createSenatorsPetition();
        SearchContext step = signAndCall("Nia", "nia.newyork@example.org", "10001");
        assertThat(text(step, "h3")).as("the heading comes from the targets' titles").isEqualTo("Your U.S. Senators");
        assertThat(ownTargets(step)).containsExactly("Chuck Schumer", "Kirsten Gillibrand");
        assertThat(step.findElements(By.cssSelector(".own a[href^='tel:']"))).as("every office of both")
                .hasSize(2 * OFFICES_PER_SENATOR);
        WebElement others = step.findElement(By.cssSelector("details.others"));
        assertThat(others.getDomAttribute("open")).as("the others are there when asked for").isNull();
        assertThat(text(step, "summary")).isEqualTo("Call on all elected officials (99 more)");
        assertThat(step.findElements(By.cssSelector("input[name=target_name]")).stream()
                .map(radio -> radio.getDomAttribute("value")).toList())
                .as("who did you call: the signer's own first, then anyone else from the list")
                .containsExactly("Chuck Schumer", "Kirsten Gillibrand", "");
        assertThat(step.findElement(By.cssSelector("input[name=target_name]")).isSelected()).isTrue();
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "10-call-new-york-widget");

        step.findElement(By.cssSelector("input[name=outcome][value=TALKED_TO_STAFF]")).click();
        buttons(step, "Send").get(0).click();
        until(browser, driver -> text(widget(driver), ".note").startsWith("Thank you for calling!"));
        await().atMost(Duration.ofSeconds(30)).until(() -> callsTo("Chuck Schumer") == 1);
    }

    @Test
    @Order(11)
    void aCaliforniaSignerIsShownTheirOwnSenatorsFirstAndCanCallAnyoneElse() {
        SearchContext step = signAndCall("Cal", "cal.california@example.org", "94110");
        assertThat(text(step, "h3")).isEqualTo("Your U.S. Senators");
        assertThat(ownTargets(step)).containsExactly("Alex Padilla", "Adam Schiff");
        assertThat(step.findElement(By.cssSelector(".own a[href^='tel:']")).getDomAttribute("href"))
                .as("California's first senator is the ninth target").isEqualTo("tel:+12022243008");
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "11-call-california-widget");

        step.findElement(By.cssSelector("summary")).click();
        List<WebElement> everyone = step.findElements(By.cssSelector("details.others > ul > li"));
        assertThat(everyone).hasSize(99);
        assertThat(everyone.get(0).getDomAttribute("data-region")).isNotEqualTo("US-CA");
        new Select(step.findElement(By.cssSelector("select[name=other_target]"))).selectByValue("Chuck Schumer");
        assertThat(step.findElement(By.cssSelector("input[name=target_name][value='']")).isSelected())
                .as("choosing from the list chooses 'Someone else'").isTrue();
    }

    /**
     * A petition to all 100 U.S. senators, three offices each, plus one national target: it must stay one small
     * request for the widget. How fast the widget and its call step render is printed for signature-intake's README,
     * never asserted: a time depends on the machine and what else runs on it.
     */
    @Test
    @Order(12)
    void aPetitionToEverySenatorIsOneSmallRequestForTheWidget() throws Exception {
        HttpResponse<byte[]> petition = HttpClient.newHttpClient().send(HttpRequest.newBuilder(pipeline
                        .url(PipelineService.INTAKE).resolve("/api/petitions/" + SENATORS)).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(petition.statusCode()).isEqualTo(200);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(petition.body());
        }
        browser.get(pipeline.url(PipelineService.INTAKE).resolve("/petitions/" + SENATORS + "/embed").toString());
        until(browser, driver -> signForm(widget(driver)));
        String loaded = browser.findElement(By.cssSelector("[data-petition-embed]")).getDomAttribute("data-render-ms");
        List<Double> callStepMs = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            signAndCall("Nia", "nia.newyork." + run + "@example.org", "10001");
            callStepMs.add(Double.valueOf(browser.findElement(By.cssSelector("[data-petition-embed]"))
                    .getDomAttribute("data-step-render-ms")));
        }
        System.out.printf("petition of %d targets: %,d bytes of JSON as served (%s), %,d gzipped; widget loaded and "
                        + "rendered in %s ms; call step rendered in %s ms%n", 101, petition.body().length,
                petition.headers().firstValue("Content-Encoding").orElse("not compressed"), gzipped.size(), loaded,
                callStepMs);
        assertThat(gzipped.size()).as("gzipped petition JSON").isLessThan(8 * 1024);
    }

    @Test
    @Order(13)
    void aSignerWhoseRegionIsUnknownSeesEveryTargetAndChoosesFromAList() {
        SearchContext step = signAndCall("Otto", "otto.berlin@example.org", "10117", "DE");
        assertThat(text(step, "h3")).isEqualTo("Call your representative");
        assertThat(step.findElements(By.cssSelector(".own, details.others"))).isEmpty();
        assertThat(step.findElements(By.cssSelector("a[href^='tel:']"))).hasSize(100 * OFFICES_PER_SENATOR + 1);
        assertThat(step.findElements(By.cssSelector("input[name=target_name]"))).as("too many for radio buttons").isEmpty();
        assertThat(new Select(step.findElement(By.cssSelector("select[name=other_target]"))).getOptions()).hasSize(102);
    }

    private static final String TRILINGUAL = "tell-the-ag-three-languages";

    /**
     * A Spanish signer, from an embed asking for Spanish (the iframe's script has {@code data-lang="es"}): the form,
     * what to fix, the thanks, the share and the call steps, all in Spanish; then the receipt, and the unsubscribe
     * page its link opens, in Spanish too.
     */
    @Test
    @Order(20)
    void aSpanishSignerSignsSharesAndCallsInSpanishAndIsMailedInSpanish() throws Exception {
        createTrilingualPetition();
        browser.get(pipeline.url(PipelineService.INTAKE).resolve("/petitions/" + TRILINGUAL + "/embed?lang=es").toString());
        SearchContext form = until(browser, driver -> signForm(widget(driver)));
        // the iframe remembers the senators' last signer on this origin: "¿No es Otto? Haga clic aquí" forgets them
        buttons(form, "Haga clic aquí").forEach(WebElement::click);
        form = until(browser, driver -> widget(driver).findElements(By.cssSelector(".note")).isEmpty()
                ? signForm(widget(driver)) : null);
        assertThat(text(form, "h2")).isEqualTo("Dígale al Fiscal General: renuncie");
        assertThat(text(form, ".step")).isEqualTo("Paso 1 de 3");
        assertThat(text(form, "label[for=f-given_name]")).isEqualTo("Nombre");
        assertThat(text(form, "label.check")).isEqualTo("Envíenme novedades sobre esta petición.");
        assertThat(text(form, "button[type=submit]")).isEqualTo("Firmar la petición");

        fillIn(form, "María", "López", "maria.lopez@example", "10001");
        form.findElement(By.cssSelector("input[type=checkbox]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        String emailError = until(browser, driver -> {
            String shown = text(widget(driver), "#f-email-error");
            return shown.isEmpty() ? null : shown;
        });
        assertThat(emailError).isEqualTo("«maria.lopez@example» no es una dirección de correo a la que podamos "
                + "escribir; revise si hay errores");
        assertThat(text(widget(browser), ".status")).startsWith("la firma tiene 1 campo(s) no válido(s)");
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "20-spanish-errors-widget");

        WebElement email = widget(browser).findElement(By.cssSelector("#f-email"));
        email.clear();
        email.sendKeys("maria.lopez@example.org");
        widget(browser).findElement(By.cssSelector("button[type=submit]")).click();
        until(browser, driver -> text(widget(driver), "h3").equals("¡Gracias, María! Recibimos su firma."));
        assertThat(text(widget(browser), ".step")).isEqualTo("Paso 2 de 3");
        assertThat(buttons(widget(browser), "Copiar enlace")).hasSize(1);

        buttons(widget(browser), "Siguiente: llame a su representante").get(0).click();
        SearchContext step = until(browser, driver -> text(widget(driver), ".step").equals("Paso 3 de 3")
                ? widget(driver) : null);
        assertThat(text(step, "h3")).isEqualTo("Llame a su representante");
        assertThat(text(step, "li")).startsWith("Pam Bondi, Fiscal General de EE. UU.");
        step.findElement(By.cssSelector("input[name=outcome][value=NO_ANSWER]")).click();
        assertThat(step.findElement(By.cssSelector("input[name=outcome][value=NO_ANSWER]"))
                .findElement(By.xpath("..")).getText()).isEqualTo("Nadie contestó");
        screenshot(widget(browser).findElement(By.cssSelector(".w")), "21-spanish-call-widget");
        buttons(step, "Enviar").get(0).click();
        until(browser, driver -> text(widget(driver), ".note").equals("¡Gracias por llamar! Su informe quedó contado."));

        MimeMessage receipt = await().atMost(Duration.ofSeconds(60))
                .until(() -> user.mailOf("maria.lopez@example.org"), mails -> !mails.isEmpty()).get(0);
        assertThat(receipt.getSubject()).isEqualTo("Gracias por firmar: Dígale al Fiscal General: renuncie");
        Matcher unsubscribe = Pattern.compile("http://[^\\s\"<>]+/unsubscribe\\?[^\\s\"<>]*lang=es[^\\s\"<>]*")
                .matcher(PipelineUser.textOf(receipt));
        assertThat(unsubscribe.find()).as("the receipt's unsubscribe link asks for Spanish").isTrue();
        browser.get(unsubscribe.group().replace("&amp;", "&"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("¿Darse de baja de los correos de la campaña?");
    }

    /** Arabic reads right to left: the whole form is laid out from the right, its fields and labels included. */
    @Test
    @Order(21)
    void anArabicFormIsLaidOutRightToLeft() {
        browser.get(pipeline.url(PipelineService.INTAKE).resolve("/petitions/" + TRILINGUAL + "/embed?lang=ar").toString());
        SearchContext form = until(browser, driver -> signForm(widget(driver)));
        WebElement frame = form.findElement(By.cssSelector(".w"));
        assertThat(frame.getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(frame.getDomAttribute("lang")).isEqualTo("ar");
        assertThat(styleOf(frame.findElement(By.cssSelector("label[for=f-given_name]")), "direction")).isEqualTo("rtl");
        assertThat(text(form, "button[type=submit]")).isEqualTo("وقّع العريضة");
        assertThat(text(form, "h2")).as("a translation with markup is shown as text").isEqualTo("<b>استقل</b> يا وزيرة العدل");
        assertThat(text(form, "p")).as("the text Arabic leaves out comes from the default language")
                .isEqualTo("The Attorney General has lost the public's trust.");
        WebElement checkbox = frame.findElement(By.cssSelector("label.check input[type=checkbox]"));
        assertThat(checkbox.getRect().getX()).as("the consent box starts its line, at the right")
                .isGreaterThan(frame.getRect().getX() + frame.getRect().getWidth() / 2);
        // the whole page: an element's screenshot in a right-to-left page comes out blank in headless Chromium
        screenshot(browser, "22-arabic-rtl");
    }

    /** A petition written in English, translated in full into Spanish and in part (title only) into Arabic. */
    private static void createTrilingualPetition() {
        String definition = """
                {"slug": "%s", "title": "Tell the Attorney General: resign",
                 "text": "The Attorney General has lost the public's trust.", "goal": 1000,
                 "consent_text": "Email me updates about this petition.", "consent_text_version": "2026-12-en",
                 "targets": [{"name": "Pam Bondi", "title": "U.S. Attorney General", "region": "US",
                              "offices": [{"label": "Department of Justice", "phone": "+1 202-514-2000"}]}],
                 "language": "en",
                 "translations": {
                   "es": {"title": "Dígale al Fiscal General: renuncie",
                          "text": "El Fiscal General ha perdido la confianza del público.",
                          "consent_text": "Envíenme novedades sobre esta petición.", "consent_text_version": "2026-12-es",
                          "share_text": "Firmé para pedir la renuncia del Fiscal General.",
                          "target_titles": {"U.S. Attorney General": "Fiscal General de EE. UU."}},
                   "ar": {"title": "<b>استقل</b> يا وزيرة العدل"}}}""".formatted(TRILINGUAL);
        assertThat(Http.postJson(pipeline.url(PipelineService.REPORTING).resolve("/api/admin/petitions"), definition,
                pipeline.settings().secrets().adminToken()).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(pipeline.url(PipelineService.INTAKE)
                .resolve("/api/petitions/" + TRILINGUAL)).statusCode() == 200);
    }

    private static final String SENATORS = "call-your-senators";
    private static final int OFFICES_PER_SENATOR = 3;
    private static final List<String> STATES = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY");
    private static final Map<String, List<String>> NAMED = Map.of("NY", List.of("Chuck Schumer", "Kirsten Gillibrand"),
            "CA", List.of("Alex Padilla", "Adam Schiff"));

    /** Two senators for each of the 50 states, three offices each, and the Attorney General for everyone. */
    private static void createSenatorsPetition() {
        List<String> targets = new ArrayList<>();
        int line = 0;
        for (String state : STATES) {
            for (String name : NAMED.getOrDefault(state, List.of("Senior Senator of " + state, "Junior Senator of " + state))) {
                List<String> offices = new ArrayList<>();
                offices.add("{\"label\": \"Washington, DC office\", \"phone\": \"+1 202-224-%04d\"}"
                        .formatted(3000 + line));
                for (int office = 1; office < OFFICES_PER_SENATOR; office++) {
                    offices.add("{\"label\": \"%s state office %d\", \"phone\": \"+1 555-%03d-%04d\"}"
                            .formatted(state, office, line % 1000, office));
                }
                targets.add("{\"name\": \"%s\", \"title\": \"U.S. Senator\", \"region\": \"US-%s\", \"offices\": [%s]}"
                        .formatted(name, state, String.join(", ", offices)));
                line++;
            }
        }
        targets.add("{\"name\": \"Office of the Attorney General\", \"title\": \"U.S. Attorney General\", "
                + "\"offices\": [{\"label\": \"Department of Justice switchboard\", \"phone\": \"+1 202-514-2000\"}]}");
        String definition = """
                {"slug": "%s", "title": "Protect the right to vote", "text": "Pass the voting rights act.",
                 "goal": 100000, "targets": [%s]}""".formatted(SENATORS, String.join(",\n", targets));
        assertThat(Http.postJson(pipeline.url(PipelineService.REPORTING).resolve("/api/admin/petitions"), definition,
                pipeline.settings().secrets().adminToken()).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(pipeline.url(PipelineService.INTAKE)
                .resolve("/api/petitions/" + SENATORS)).statusCode() == 200);
    }

    private static SearchContext signAndCall(String givenName, String email, String zip) {
        return signAndCall(givenName, email, zip, "US");
    }

    /** Signs the senators petition in its iframe page and goes on to the call step. */
    private static SearchContext signAndCall(String givenName, String email, String postalCode, String country) {
        browser.get(pipeline.url(PipelineService.INTAKE).resolve("/petitions/" + SENATORS + "/embed").toString());
        SearchContext form = until(browser, driver -> signForm(widget(driver)));
        fillIn(form, givenName, "Doe", email, postalCode);
        new Select(form.findElement(By.cssSelector("#f-country"))).selectByValue(country);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        until(browser, driver -> text(widget(driver), "h3").startsWith("Thank you, " + givenName + "!"));
        buttons(widget(browser), "Next: call your representative").get(0).click();
        return until(browser, driver -> text(widget(driver), ".step").equals("Step 3 of 3") ? widget(driver) : null);
    }

    private static List<String> ownTargets(SearchContext step) {
        return step.findElements(By.cssSelector(".own > ul > li > strong")).stream().map(WebElement::getText).toList();
    }

    private static long callsTo(String target) throws Exception {
        HttpResponse<String> calls = Http.get(pipeline.url(PipelineService.REPORTING)
                .resolve("/api/petitions/" + SENATORS + "/calls"));
        JsonNode called = new ObjectMapper().readTree(calls.body()).path("by_target").path(target).path("total");
        return called.asLong(0);
    }

    private static SearchContext openHostPage() {
        browser.get(pipeline.demoHostPage().toString());
        assertThat(browser.getCurrentUrl()).doesNotStartWith(pipeline.url(PipelineService.INTAKE).toString());
        return until(browser, driver -> signForm(widget(driver)));
    }

    private static SearchContext signForm(SearchContext widget) {
        return widget.findElements(By.cssSelector("form")).isEmpty() ? null : widget;
    }

    private static void fillIn(SearchContext form, String givenName, String familyName, String email, String postalCode) {
        Map.of("#f-given_name", givenName, "#f-family_name", familyName, "#f-email", email, "#f-postal_code", postalCode)
                .forEach((field, value) -> {
                    WebElement input = form.findElement(By.cssSelector(field));
                    input.clear();
                    input.sendKeys(value);
                });
    }

    /** XPath does not reach into a Shadow DOM: buttons are told apart by their text here. */
    private static List<WebElement> buttons(SearchContext context, String label) {
        return context.findElements(By.cssSelector("button")).stream()
                .filter(button -> button.getText().equals(label)).toList();
    }

    private static String text(SearchContext context, String selector) {
        return context.findElement(By.cssSelector(selector)).getText();
    }

    private static String styleOf(WebElement element, String property) {
        return (String) browser.executeScript("return getComputedStyle(arguments[0])[arguments[1]]", element, property);
    }

    /** The id (or else the tag) of what has focus inside the widget's Shadow DOM. */
    private static String focusedInWidget() {
        return (String) browser.executeScript("const active = document.activeElement.shadowRoot?.activeElement;"
                + "return active ? (active.id || active.tagName) : null");
    }
}
