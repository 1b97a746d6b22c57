package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

/**
 * Single sign-on through the authorization code flow, against the OIDC provider the test starts (WireMock): its login
 * form, then a token endpoint answering with the ID token each test has it issue.
 */
@QuarkusTest
@TestProfile(SsoLoginTest.SingleSignOnConfigured.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class SsoLoginTest {

    private static final String CLIENT_ID = "reporting-console";
    private static final String OPERATORS = "pipeline-operators";
    private static final Pattern FORM_FIELD = Pattern.compile("name=\"(state|redirect_uri)\" value=\"([^\"]+)\"");

    /** Single sign-on configured as a deployment would, against the test's provider. */
    public static class SingleSignOnConfigured implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.sso.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.sso.client-id", CLIENT_ID,
                    "quarkus.oidc.sso.credentials.secret", "secret",
                    "reporting.sso.operator-group", OPERATORS);
        }
    }

    @OidcWireMock
    WireMockServer provider;

    @TestHTTPResource("/")
    URI site;

    @Inject
    DataSource dataSource;

    /** What one browser is left with after signing on: the console's answer and its cookies. */
    record SignOn(HttpResponse<String> answer, List<HttpCookie> cookies) {

        Optional<String> session() {
            return cookies.stream().filter(cookie -> cookie.getName().equals(ConsoleSessions.COOKIE))
                    .map(HttpCookie::getValue).findFirst();
        }
    }

    @Test
    void thePageOffersSingleSignOnWhenItIsConfigured() {
        assertThat(given().get("/console/login").then().statusCode(200).extract().asString())
                .contains("href=\"/console/sso/login\"", "Sign in with single sign-on");
    }

    @Test
    void aMemberAddedByAnOwnerIsBoundAtTheFirstSignOnAndGetsAConsoleSession() throws Exception {
        Person ann = ConsolePeople.owner("sso");
        String subject = UUID.randomUUID().toString();

        SignOn signOn = signOn(subject, Map.of("email", ann.email().toUpperCase(), "email_verified", "true"), Set.of());

        assertThat(signOn.answer().statusCode()).isEqualTo(200);
        assertThat(signOn.answer().body()).contains("<meta http-equiv=\"refresh\" content=\"0; url=/console\">");
        assertThat(signOn.cookies()).extracting(HttpCookie::getName).noneMatch(name -> name.startsWith("q_session"));
        String session = signOn.session().orElseThrow();
        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200);
        assertThat(column("select oidc_issuer || ' ' || oidc_subject from reporting.account where email = ?",
                ann.email())).isEqualTo("https://server.example.com " + subject);
        assertThat(column("select string_agg(s.via, ',') from reporting.console_session s join reporting.account a"
                + " on a.id = s.account_id where a.email = ?", ann.email())).isEqualTo("sso");
        assertThat(column("select detail::text from reporting.audit_event where actor_label = ?"
                + " and action = 'login.success'", ann.email())).isEqualTo("{\"with\": \"sso\"}");
    }

    @Test
    void aLaterSignOnFindsTheAccountByItsSubjectWhateverAddressTheProviderHasNow() throws Exception {
        Person ann = ConsolePeople.owner("ssoagain");
        String subject = UUID.randomUUID().toString();
        signOn(subject, Map.of("email", ann.email(), "email_verified", "true"), Set.of()).session().orElseThrow();

        SignOn again = signOn(subject, Map.of("email", "ann.new@elsewhere.example", "email_verified", "true"),
                Set.of());

        assertThat(given().cookie(ConsoleSessions.COOKIE, again.session().orElseThrow()).get("/console/account")
                .then().statusCode(200).extract().asString()).contains("<td>sso</td>");
        assertThat(column("select count(*)::text from reporting.audit_event where actor_label = ?"
                + " and action = 'login.success'", ann.email())).isEqualTo("2");
    }

    @Test
    void someoneWithoutAnAccountIsToldToAskAnOwnerAndTheRefusalIsAuditedWithTheirDomainOnly() throws Exception {
        String domain = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String subject = UUID.randomUUID().toString();

        SignOn refused = signOn(subject, Map.of("email", "stranger@" + domain, "email_verified", "true"), Set.of());

        assertThat(refused.answer().statusCode()).isEqualTo(403);
        assertThat(refused.answer().body()).contains("ask an owner of your organization to add you");
        assertThat(refused.session()).isEmpty();
        List<Map<String, Object>> failures = given().header("Authorization", PetitionCatalogTest.ADMIN)
                .queryParam("limit", 100).get("/api/admin/audit").then().statusCode(200).extract().jsonPath()
                .getList("events.findAll { it.action == 'login.failure' && it.detail.email_domain == '" + domain
                        + "' }");
        assertThat(failures).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor_label", "unknown").containsEntry("outcome", "FAILED")
                    .containsEntry("detail", Map.of("reason", "no account for the address", "email_domain", domain));
            assertThat(entry.toString()).doesNotContain(subject, "stranger");
        });
    }

    @Test
    void anAddressTheProviderHasNotVerifiedBindsNothing() throws Exception {
        Person ann = ConsolePeople.owner("ssounverified");

        SignOn refused = signOn(UUID.randomUUID().toString(), Map.of("email", ann.email()), Set.of());

        assertThat(refused.answer().statusCode()).isEqualTo(403);
        assertThat(column("select coalesce(oidc_subject, 'unbound') from reporting.account where email = ?",
                ann.email())).isEqualTo("unbound");
    }

    @Test
    void aDisabledAccountIsRefused() throws Exception {
        Person ann = ConsolePeople.owner("ssodisabled");
        new Statements(dataSource).update("disable an account for the test",
                "update reporting.account set disabled_at = now() where email = ?", ann.email());

        SignOn refused = signOn(UUID.randomUUID().toString(), Map.of("email", ann.email(), "email_verified", "true"),
                Set.of());

        assertThat(refused.answer().statusCode()).isEqualTo(403);
        assertThat(refused.session()).isEmpty();
        assertThat(column("select detail->>'reason' from reporting.audit_event where actor_label = ?"
                + " and action = 'login.failure'", ann.email())).isEqualTo("account disabled");
    }

    @Test
    void loggingOutEndsTheSessionAndItsCookieIsRefusedAfterwards() throws Exception {
        Person ann = ConsolePeople.owner("ssologout");
        String session = signOn(UUID.randomUUID().toString(), Map.of("email", ann.email(), "email_verified", "true"),
                Set.of()).session().orElseThrow();

        ConsoleBrowser.submit(session, "/console/logout", Map.of()).then().statusCode(303);

        given().cookie(ConsoleSessions.COOKIE, session).accept("text/html").get("/console").then().statusCode(401);
    }

    @Test
    void theOperatorGroupMakesThePersonAPlatformOperatorAtEachSignOnAndItsAbsenceUndoesIt() throws Exception {
        Person olga = ConsolePeople.owner("ssoops");
        String subject = UUID.randomUUID().toString();
        Map<String, String> claims = Map.of("email", olga.email(), "email_verified", "true");

        String operator = signOn(subject, claims, Set.of("staff", OPERATORS)).session().orElseThrow();
        given().cookie(ConsoleSessions.COOKIE, operator).accept("text/html").get("/ops").then().statusCode(200);

        String member = signOn(subject, claims, Set.of("staff")).session().orElseThrow();
        given().cookie(ConsoleSessions.COOKIE, member).accept("text/html").get("/ops").then().statusCode(403);
    }

    /** A browser that signs on from the console's page: the provider's login form, then back to the console. */
    private SignOn signOn(String subject, Map<String, String> claims, Set<String> groups) throws Exception {
        providerIssues(subject, claims, groups);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(site.resolve("/console/sso/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher fields = FORM_FIELD.matcher(form.body());
        StringBuilder query = new StringBuilder("username=someone&password=secret");
        while (fields.find()) {
            query.append('&').append(fields.group(1)).append('=')
                    .append(URLEncoder.encode(fields.group(2), StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(form.uri().resolve("/login?" + query))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new SignOn(answer, cookies.getCookieStore().getCookies());
    }

    /** The ID token the provider's token endpoint answers the next code with. */
    private void providerIssues(String subject, Map<String, String> claims, Set<String> groups) {
        String idToken = OidcWiremockTestResource.generateJwtToken("someone", groups, subject, "ID",
                Set.of(CLIENT_ID), claims);
        String accessToken = OidcWiremockTestResource.getAccessToken("someone", groups);
        provider.stubFor(WireMock.post("/auth/realms/quarkus/token")
                .withRequestBody(WireMock.containing("authorization_code")).atPriority(1)
                .willReturn(WireMock.okJson("""
                        {"access_token": "%s", "id_token": "%s", "token_type": "Bearer", "expires_in": 300}"""
                        .formatted(accessToken, idToken))));
    }

    private String column(String sql, Object... parameters) {
        return new Statements(dataSource).query("read for the test", row -> row.getString(1), sql, parameters).get(0);
    }
}
