package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petitionpipeline.local.systemtest.HeadlessChromium.screenshot;
import static org.petitionpipeline.local.systemtest.HeadlessChromium.until;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.petitionpipeline.local.launcher.DemoOrganization;
import org.petitionpipeline.local.launcher.DemoPetition;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;

/**
 * The organizer and ops consoles in a real browser against the whole running pipeline: logging in, the live total
 * and the maps moving while signatures arrive through intake, the ops figures of that traffic, a wrong token refused,
 * an owner's password login with a form sent without its CSRF token refused, and a logged-out session refused by the
 * server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedBrowserPipeline.class)
@Order(Order.DEFAULT + 2)
class ConsoleIT {

    /* where the signers are, so that the breakdown tables have rows to show */
    private static final List<String> PLACES = List.of("\"20500\", \"country\": \"US\"",
            "\"94103\", \"country\": \"US\"", "\"10001\", \"country\": \"US\"", "\"SW1A 1AA\", \"country\": \"GB\"");
    private static final AtomicInteger SIGNERS = new AtomicInteger();

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
    void aWrongTokenIsRefusedWithAClearMessage() {
        browser.get(reporting("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in to the console");
        logIn("not-the-token-of-anyone");

        String error = until(browser, driver -> driver.findElement(By.id("login-error")).getText());
        assertThat(error).isEqualTo("that is neither the organizer token (REPORTING_ADMIN_TOKEN) nor the ops token "
                + "(REPORTING_OPS_TOKEN); paste it again exactly as configured");
        assertThat(browser.manage().getCookieNamed("console_session")).isNull();
        screenshot(browser, "console-01-wrong-token");
    }

    @Test
    @Order(2)
    void theOrganizerSeesTheLiveTotalMoveWhileSignaturesArrive() throws Exception {
        signSome(6);
        browser.get(reporting("/console/login"));
        logIn(pipeline.settings().secrets().adminToken());
        until(browser, driver -> driver.getCurrentUrl().endsWith("/console"));
        assertThat(browser.manage().getCookieNamed("console_session").isHttpOnly()).isTrue();
        browser.findElement(By.cssSelector("a[href='/console/petitions/" + DemoPetition.SLUG + "']")).click();

        until(browser, driver -> "live".equals(driver.findElement(By.id("live-state")).getText()));
        long before = shownTotal(browser);
        long usBefore = mapCount(browser, "US");
        long newYorkBefore = mapCount(browser, "US-NY");
        signSome(12);
        until(browser, driver -> shownTotal(driver) >= before + 12);
        // the maps follow without a reload: of 12 signers, 9 are in the US and 3 of those in New York (ZIP 10001)
        until(browser, driver -> mapCount(driver, "US") >= usBefore + 9 && mapCount(driver, "GB") > 0
                && mapCount(driver, "US-NY") >= newYorkBefore + 3);
        // New York and California have the most, the darkest class of the scale; Texas none, grey
        assertThat(fill(browser, "US-NY")).isEqualTo("#253494").isEqualTo(fill(browser, "US-CA"));
        assertThat(fill(browser, "US-TX")).isEqualTo("#e3e3e3");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#map-countries desc').textContent;"))
                .asString().startsWith("Signatures by country, most first: US ");
        until(browser, driver -> driver.findElement(By.cssSelector("[data-stat=accepted]")).getText()
                .equals(driver.findElement(By.id("total")).getText()));
        until(browser, driver -> !driver.findElements(By.cssSelector("#over-time polyline")).isEmpty());
        browser.navigate().refresh();
        until(browser, driver -> "live".equals(driver.findElement(By.id("live-state")).getText()));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("GB", "US");
        signSome(6);
        until(browser, driver -> shownTotal(driver) >= before + 18);
        screenshot(browser, "console-02-organizer");
        screenshot(browser.findElement(By.id("maps")), "console-02-organizer-maps");
    }

    @Test
    @Order(3)
    void theReportsDownloadWithTheOrganizersLogin() {
        String csv = browser.findElement(By.id("report-csv")).getDomAttribute("href");
        assertThat(csv).isEqualTo("/api/admin/petitions/demo/report.csv");
        assertThat(browser.findElement(By.id("report-pdf")).getDomAttribute("href"))
                .isEqualTo("/api/admin/petitions/demo/report.pdf");
        // the organizer API lets the console's login read it: the links need no bearer token
        assertThat(fetchedWithTheLogin(csv)).startsWith("200 text/csv")
                .contains("signed_at,given_name,family_name,postal_code,region,country,comment,signature_id");
        assertThat(fetchedWithTheLogin("/api/admin/petitions/demo/report.pdf")).startsWith("200 application/pdf")
                .contains("%PDF-");
    }

    /** Status, media type and first line of what the page's own fetch gets, with the page's cookie. */
    private String fetchedWithTheLogin(String path) {
        return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(response => response.text().then(body => done(response.status + ' '
                    + response.headers.get('content-type') + '\\n' + body.split('\\r\\n')[0].split('\\n')[0])));""",
                path));
    }

    @Test
    @Order(4)
    void opsSeeTheRatesOfEachStageAndTheLagWhileSignaturesFlow() throws Exception {
        browser.get(reporting("/console"));
        browser.findElement(By.cssSelector("form[action='/console/logout'] button")).click();
        until(browser, driver -> driver.getCurrentUrl().endsWith("/console/login"));
        logIn(pipeline.settings().secrets().opsToken());
        until(browser, driver -> driver.getCurrentUrl().endsWith("/ops"));

        ScheduledExecutorService signing = Executors.newSingleThreadScheduledExecutor();
        try {
            signing.scheduleAtFixedRate(() -> {
                signSome(2);
                sign(SIGNERS.get() - 5, "CONSOLE.SIGNER%d@example.org");
            }, 0, 200, TimeUnit.MILLISECONDS);
            until(browser, driver -> rate(driver, "submitted") > 0 && rate(driver, "accepted") > 0
                    && rate(driver, "counted") > 0);
            // ten readings or so, for a chart worth a screenshot
            until(browser, driver -> driver.findElements(By.cssSelector("#rate-chart polyline")).size() == 4
                    && driver.findElement(By.cssSelector("#rate-chart polyline")).getDomAttribute("points")
                            .split(" ").length >= 10);
            String lag = browser.findElement(By.id("lag")).getText();
            assertThat(lag).contains("dedup-service", "email-service", "reporting-service");
            assertThat(browser.findElement(By.id("dead-letters")).getText()).contains("signatures.submitted.dlq");
            until(browser, driver -> driver.findElement(By.id("rejections")).getText().startsWith("duplicate"));
            assertThat(browser.findElement(By.id("email-backlog")).getText()).matches("\\d+");
            screenshot(browser, "console-03-ops");
        } finally {
            signing.shutdownNow();
        }

        browser.get(reporting("/console"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("you are logged in with the ops token; this page needs the organizer token");
    }

    @Test
    @Order(5)
    void anOrganizationsOwnerSignsInWithTheirPasswordAndSeesOnlyTheirOrganization() {
        DemoOrganization.Owner owner = pipeline.demoOwner().orElseThrow();
        browser.get(reporting("/ops"));
        browser.findElement(By.cssSelector("form[action='/console/logout'] button")).click();
        until(browser, driver -> driver.getCurrentUrl().endsWith("/console/login"));
        browser.findElement(By.id("email")).sendKeys(DemoOrganization.OWNER);
        browser.findElement(By.id("password")).sendKeys(owner.password());
        browser.findElement(By.id("password-login")).click();
        until(browser, driver -> driver.getCurrentUrl().endsWith("/console"));

        // the demo petition belongs to the organization 'default', of which the owner of 'campaign' is no member
        assertThat(browser.findElements(By.cssSelector("a[href='/console/petitions/" + DemoPetition.SLUG + "']")))
                .isEmpty();
        browser.get(reporting("/console/petitions/" + DemoPetition.SLUG));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("no petition");
        String organizationPage = "/console/organizations/" + DemoOrganization.SLUG;
        browser.get(reporting(organizationPage));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(DemoOrganization.OWNER);
        screenshot(browser, "console-04-organization");

        // the page's own form, sent by a script of the page without its CSRF token: refused, and nobody is added
        assertThat(postedWithoutTheCsrfToken(organizationPage + "/members", "mallory@evil.example", "owner"))
                .isEqualTo(403);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(DemoOrganization.OWNER)
                .doesNotContain("mallory@evil.example");

        browser.findElement(By.id("audit-log")).click();
        until(browser, driver -> driver.findElement(By.tagName("h1")).getText()
                .equals("Audit log of " + DemoOrganization.SLUG));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("reporting-service", "member.add");

        String session = browser.manage().getCookieNamed("console_session").getValue();
        assertThat(withTheCookie(organizationPage, session).statusCode()).isEqualTo(200);
        browser.findElement(By.cssSelector("form[action='/console/logout'] button")).click();
        until(browser, driver -> driver.getCurrentUrl().endsWith("/console/login"));
        browser.get(reporting("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in to the console");
        // the browser forgot the cookie; the server must have ended the session too, for a copy of it kept elsewhere
        HttpResponse<String> afterLogout = withTheCookie(organizationPage, session);
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(afterLogout.body()).contains("Log in to the console").doesNotContain(DemoOrganization.OWNER);
    }

    /** The status a form POST from the page's own script gets with the page's cookie but no {@code _csrf} field. */
    private static long postedWithoutTheCsrfToken(String path, String email, String role) {
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', credentials: 'same-origin',
                        body: new URLSearchParams({email: arguments[1], role: arguments[2]})})
                    .then(response => done(response.status));""", path, email, role);
    }

    /** A console page asked for by a plain HTTP client with the session cookie {@code session}. */
    private static HttpResponse<String> withTheCookie(String path, String session) {
        try {
            return PipelineUser.send(HttpRequest.newBuilder(URI.create(reporting(path)))
                    .header("Accept", "text/html").header("Cookie", "console_session=" + session).GET().build());
        } catch (Exception e) {
            throw new IllegalStateException("could not ask for " + path, e);
        }
    }

    private static void logIn(String token) {
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("token-login")).click();
    }

    private static void signSome(int count) {
        for (int i = 0; i < count; i++) {
            sign(SIGNERS.incrementAndGet(), "console.signer%d@example.org");
        }
    }

    /** Signs as signer number {@code signer}, with the address typed after {@code addressFormat}. */
    private static void sign(int signer, String addressFormat) {
        String signature = PipelineJourneyIT.signature(signer, addressFormat.formatted(signer))
                .replace("\"20500\", \"country\": \"US\"", PLACES.get(signer % PLACES.size()));
        try {
            assertThat(user.sign(signature).statusCode()).isEqualTo(202);
        } catch (Exception e) {
            throw new IllegalStateException("intake did not take signer " + signer, e);
        }
    }

    private static long shownTotal(WebDriver driver) {
        return Long.parseLong(driver.findElement(By.id("total")).getText().replace(",", ""));
    }

    /**
     * The signatures the console's map shows for a country or region, as its shape's {@code data-count} says. Read in
     * one script: the page swaps the maps for new ones as totals arrive, which would leave a found element stale.
     */
    private static long mapCount(WebDriver driver, String code) {
        return Long.parseLong(mapShape(driver, code, "data-count"));
    }

    private static String fill(WebDriver driver, String code) {
        return mapShape(driver, code, "fill");
    }

    private static String mapShape(WebDriver driver, String code, String attribute) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.querySelector("
                + "`#maps path[data-code='${arguments[0]}']`).getAttribute(arguments[1]);", code, attribute));
    }

    private static double rate(WebDriver driver, String stage) {
        String shown = driver.findElement(By.cssSelector("[data-rate='" + stage + "']")).getText();
        return shown.matches("[0-9.]+") ? Double.parseDouble(shown) : 0;
    }

    private static String reporting(String path) {
        return pipeline.url(PipelineService.REPORTING).resolve(path).toString();
    }
}
