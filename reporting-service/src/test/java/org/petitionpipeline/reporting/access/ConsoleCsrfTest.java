package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;

/** Every console form is refused (403, nothing done) without its page's CSRF token, or sent from another site. */
@QuarkusTest
class ConsoleCsrfTest {

    static final String FOREIGN = "https://evil.example";

    @Test
    void theLoginFormNeedsItsDoubleSubmitTokenAndThisSitesOrigin() {
        Person ann = ConsolePeople.owner("csrflogin");
        ConsoleBrowser.LoginForm form = ConsoleBrowser.loginForm();
        RequestSpecification[] forged = {
            // no cookie, no field: a form on another site
            given().redirects().follow(false).contentType(ContentType.URLENC),
            // the field without the cookie
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("_csrf", form.field()),
            // cookie and field that do not match
            given().redirects().follow(false).contentType(ContentType.URLENC)
                    .cookie(ConsoleLoginResource.LOGIN_CSRF_COOKIE, form.cookie()).formParam("_csrf", form.field() + "x"),
            // all right, but sent from another site
            form.post().header("Origin", FOREIGN),
        };
        for (RequestSpecification request : forged) {
            request.header("X-Forwarded-For", ConsoleBrowser.randomAddress()).formParam("email", ann.email())
                    .formParam("password", ann.password()).accept("text/html").post("/console/login").then()
                    .statusCode(403).body(containsString("role=\"alert\""));
        }
        form.post().header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .header("X-Forwarded-For", ConsoleBrowser.randomAddress()).formParam("email", ann.email())
                .formParam("password", ann.password()).post("/console/login").then().statusCode(303);
    }

    @Test
    void aScriptAskingForJsonGetsTheRefusalAsProblemJson() {
        String session = ConsolePeople.owner("csrfjson").logIn();
        given().redirects().follow(false).contentType(ContentType.URLENC).accept("application/json")
                .cookie(ConsoleSessions.COOKIE, session).post("/console/logout").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void logOutNeedsTheSessionsTokenAndThisSitesOrigin() {
        String session = ConsolePeople.owner("csrflogout").logIn();
        String token = ConsoleBrowser.csrfOf(session, "/console");

        assertRefused(session, "/console/logout", Map.of(), null, null);
        assertRefused(session, "/console/logout", Map.of(), "not-the-token", null);
        assertRefused(session, "/console/logout", Map.of(), token, FOREIGN);
        assertRefused(session, "/console/logout", Map.of(), token, "null");
        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200);

        // another session's token is no good either
        String other = ConsolePeople.owner("csrfother").logIn();
        assertRefused(session, "/console/logout", Map.of(), ConsoleBrowser.csrfOf(other, "/console"), null);
        assertThat(ConsoleBrowser.submit(session, "/console/logout", Map.of()).statusCode()).isEqualTo(303);
    }

    @Test
    void everyFormOfTheAccountAndOrganizationPagesIsRefusedWithoutItsTokenAndNothingChanges() {
        Person ann = ConsolePeople.owner("csrfforms");
        String organization = ConsolePeople.organizationOf(ann);
        Person sam = ConsolePeople.member(ann, "editor");
        String samId = given().header("Authorization", "Bearer " + ann.token())
                .get("/api/admin/organizations/" + organization + "/members").then().statusCode(200)
                .extract().path("find { it.role == 'editor' }.account_id");
        String tokenId = given().header("Authorization", "Bearer " + ann.token()).get("/api/admin/tokens").then()
                .extract().path("[0].id");
        String session = ann.logIn();
        String other = ann.logIn();
        String otherId = ConsoleBrowser.sessionOnAccountPage(other, true);
        String token = ConsoleBrowser.csrfOf(session, "/console");
        Map<String, Map<String, String>> forms = Map.of(
                "/console/account/password", Map.of("current_password", ann.password(), "password", "taken over!!!!"),
                "/console/account/tokens", Map.of("name", "forged"),
                "/console/account/tokens/" + tokenId + "/revoke", Map.of(),
                "/console/account/sessions/" + otherId + "/revoke", Map.of(),
                "/console/organizations/" + organization + "/members", Map.of("email", "mallory@evil.example",
                        "role", "owner"),
                "/console/organizations/" + organization + "/members/" + samId + "/remove", Map.of());

        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            assertRefused(session, form.getKey(), form.getValue(), null, null);
            assertRefused(session, form.getKey(), form.getValue(), token + "x", null);
            assertRefused(session, form.getKey(), form.getValue(), token, FOREIGN);
        }

        ConsoleBrowser.logIn(ann.email(), ann.password());
        given().cookie(ConsoleSessions.COOKIE, other).get("/console").then().statusCode(200);
        given().header("Authorization", "Bearer " + ann.token()).get("/api/admin/tokens").then().statusCode(200)
                .body("name", not(hasItem("forged")));
        given().header("Authorization", "Bearer " + ann.token())
                .get("/api/admin/organizations/" + organization + "/members").then()
                .body("email", hasItem(sam.email()), "email", not(hasItem("mallory@evil.example")));
        // and with its token, from this site, the same form works
        ConsoleBrowser.submit(session, "/console/account/tokens", Map.of("name", "genuine")).then().statusCode(200);
    }

    /** Sends the form with the session's cookie, the given token (none if null) and Origin, expects 403. */
    static void assertRefused(String session, String path, Map<String, String> fields, String token, String origin) {
        RequestSpecification request = given().redirects().follow(false).contentType(ContentType.URLENC)
                .accept("text/html").cookie(ConsoleSessions.COOKIE, session).formParams(fields);
        if (token != null) {
            request.formParam("_csrf", token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        request.post(path).then().statusCode(403).contentType(ContentType.HTML)
                .body(containsString("<p class=\"error\" role=\"alert\">"));
    }
}
