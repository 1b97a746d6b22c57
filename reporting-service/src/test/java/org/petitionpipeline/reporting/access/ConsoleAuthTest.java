package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

@QuarkusTest
public class ConsoleAuthTest {

    static final String ORGANIZER_TOKEN = "test-admin-token";
    public static final String OPS_TOKEN = "test-ops-token-for-the-console";

    @Inject
    ConsoleSessions sessions;

    /** Logs in through the form as a browser would and returns the session cookie's value. */
    public static String logIn(String token) {
        return ConsoleBrowser.logIn(token);
    }

    @Test
    void withoutALoginTheConsolesShowTheLoginPageAndTheirScriptsGetProblemJson() {
        given().accept("text/html").get("/console").then().statusCode(401).contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\" action=\"/console/login\">"))
                .body(containsString("log in with your email address and password, or with the organizer token "
                        + "(REPORTING_ADMIN_TOKEN), to open this page"));
        given().accept("text/html").get("/ops").then().statusCode(401)
                .body(containsString("or with the ops token (REPORTING_OPS_TOKEN)"));
        given().accept("application/json").get("/ops/figures").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().get("/console/login").then().statusCode(200).body(containsString("name=\"token\""),
                containsString("name=\"email\""), containsString("name=\"password\""));
    }

    @Test
    void aWrongTokenIsRefusedWithAClearMessageAndNoCookie() {
        Response refused = ConsoleBrowser.loginForm().post().accept("text/html")
                .formParam("token", ORGANIZER_TOKEN + "x").post("/console/login");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body().asString()).contains("that is neither the organizer token (REPORTING_ADMIN_TOKEN) "
                + "nor the ops token (REPORTING_OPS_TOKEN); paste it again exactly as configured",
                "aria-invalid=\"true\"");
        assertThat(refused.cookie(ConsoleSessions.COOKIE)).isNull();
        ConsoleBrowser.loginForm().post().post("/console/login").then().statusCode(401);
    }

    @Test
    void behindATlsTerminatingProxyOnLoopbackTheCookieIsSecure() {
        Response login = ConsoleBrowser.loginForm().post().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "petitions.example.org")
                .formParam("token", ORGANIZER_TOKEN).post("/console/login");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(login.header("Location")).isEqualTo("https://petitions.example.org/console");
    }

    @Test
    void theOrganizerTokenGivesAStrictHttpOnlyCookieThatOpensTheOrganizerConsoleOnly() {
        PetitionCatalogTest.createPetition("console-auth-test");
        Response login = ConsoleBrowser.loginForm().post()
                // pasted from a terminal, with the line break
                .formParam("token", ORGANIZER_TOKEN + "\n").post("/console/login");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/console");
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith(ConsoleSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict",
                "Path=/", "Max-Age=43200").doesNotContain(ORGANIZER_TOKEN).doesNotContain("Secure");
        String session = login.cookie(ConsoleSessions.COOKIE);

        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("/console/petitions/console-auth-test"));
        given().cookie(ConsoleSessions.COOKIE, session).get("/console/petitions/console-auth-test").then()
                .statusCode(200).body(containsString("/api/admin/petitions/console-auth-test/report.csv"),
                        containsString("/assets/petition.js"), not(containsString("<script>")));
        given().cookie(ConsoleSessions.COOKIE, session).get("/console/petitions/no-such-petition").then()
                .statusCode(404);
        // the maps the page swaps in as signatures arrive, with the login only
        given().cookie(ConsoleSessions.COOKIE, session).header("Accept-Encoding", "gzip")
                .get("/console/petitions/console-auth-test/maps").then()
                .statusCode(200).header("Content-Encoding", "gzip").body(containsString("id=\"map-countries\""), containsString("id=\"map-us-states\""),
                        containsString("data-code=\"US-NY\" data-count=\"0\""));
        given().cookie(ConsoleSessions.COOKIE, session).get("/console/petitions/no-such-petition/maps").then()
                .statusCode(404);
        given().accept("text/html").get("/console/petitions/console-auth-test/maps").then().statusCode(401);
        given().cookie(ConsoleSessions.COOKIE, session).accept("text/html").get("/ops").then().statusCode(403)
                .body(containsString("you are logged in with the organizer token; this page needs the ops token"));

        // the console reads the organizer API with its cookie; changes still need the bearer token
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/admin/petitions/console-auth-test/stats")
                .then().statusCode(200).body("total", equalTo(0));
        given().cookie(ConsoleSessions.COOKIE, session).post("/api/admin/petitions/console-auth-test/close")
                .then().statusCode(401);
    }

    @Test
    void theOpsTokenOpensTheOpsConsoleOnly() {
        Response login = ConsoleBrowser.loginForm().post().formParam("token", OPS_TOKEN).post("/console/login");
        assertThat(login.header("Location")).endsWith("/ops");
        String session = login.cookie(ConsoleSessions.COOKIE);

        given().cookie(ConsoleSessions.COOKIE, session).get("/ops").then().statusCode(200)
                .body(containsString("Consumer lag"));
        given().cookie(ConsoleSessions.COOKIE, session).accept("text/html").get("/console").then().statusCode(403);
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/admin/petitions").then().statusCode(401);
    }

    @Test
    void forgedAndExpiredSessionsOpenNothingAndLoggingOutEndsTheSessionAtOnce() {
        String organizer = logIn(ORGANIZER_TOKEN);
        String expired = sessions.open(null, ConsoleRole.ORGANIZER, LoginMethod.TOKEN, null,
                Instant.now().minus(Duration.ofHours(13))).secret();
        for (String forged : new String[] {organizer + "x", organizer.substring(1), expired, "organizer", ""}) {
            given().cookie(ConsoleSessions.COOKIE, forged).accept("text/html").get("/console").then().statusCode(401);
            given().cookie(ConsoleSessions.COOKIE, forged).accept("text/html").get("/ops").then().statusCode(401);
        }

        Response logout = ConsoleBrowser.submit(organizer, "/console/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.header("Location")).endsWith("/console/login");
        assertThat(logout.header("Set-Cookie")).startsWith(ConsoleSessions.COOKIE + "=;").contains("Max-Age=0");
        // a copy of the cookie kept elsewhere opens nothing any more
        given().cookie(ConsoleSessions.COOKIE, organizer).accept("text/html").get("/console").then().statusCode(401);
        given().cookie(ConsoleSessions.COOKIE, organizer).get("/api/admin/petitions").then().statusCode(401);
    }
}
