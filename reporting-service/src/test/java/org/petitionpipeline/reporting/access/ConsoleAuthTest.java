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
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("token", token)
                .post("/console/login").then().statusCode(303).extract().cookie(ConsoleSessions.COOKIE);
    }

    @Test
    void withoutALoginTheConsolesShowTheLoginPageAndTheirScriptsGetProblemJson() {
        given().accept("text/html").get("/console").then().statusCode(401).contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\" action=\"/console/login\">"))
                .body(containsString("log in with the organizer token (REPORTING_ADMIN_TOKEN)"));
        given().accept("text/html").get("/ops").then().statusCode(401)
                .body(containsString("log in with the ops token (REPORTING_OPS_TOKEN)"));
        given().accept("application/json").get("/ops/figures").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().get("/console/login").then().statusCode(200).body(containsString("name=\"token\""));
    }

    @Test
    void aWrongTokenIsRefusedWithAClearMessageAndNoCookie() {
        Response refused = given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                .formParam("token", ORGANIZER_TOKEN + "x").post("/console/login");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body().asString()).contains("that is neither the organizer token (REPORTING_ADMIN_TOKEN) "
                + "nor the ops token (REPORTING_OPS_TOKEN); paste it again exactly as configured",
                "aria-invalid=\"true\"");
        assertThat(refused.headers().hasHeaderWithName("Set-Cookie")).isFalse();
        given().redirects().follow(false).contentType(ContentType.URLENC).post("/console/login")
                .then().statusCode(401);
    }

    @Test
    void behindATlsTerminatingProxyOnLoopbackTheCookieIsSecure() {
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "petitions.example.org")
                .formParam("token", ORGANIZER_TOKEN).post("/console/login");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(login.header("Location")).isEqualTo("https://petitions.example.org/console");
    }

    @Test
    void theOrganizerTokenGivesAStrictHttpOnlyCookieThatOpensTheOrganizerConsoleOnly() {
        PetitionCatalogTest.createPetition("console-auth-test");
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
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
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", OPS_TOKEN).post("/console/login");
        assertThat(login.header("Location")).endsWith("/ops");
        String session = login.cookie(ConsoleSessions.COOKIE);

        given().cookie(ConsoleSessions.COOKIE, session).get("/ops").then().statusCode(200)
                .body(containsString("Consumer lag"));
        given().cookie(ConsoleSessions.COOKIE, session).accept("text/html").get("/console").then().statusCode(403);
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/admin/petitions").then().statusCode(401);
    }

    @Test
    void forgedAndExpiredSessionsOpenNothingAndLogOutDropsTheCookie() {
        String organizer = logIn(ORGANIZER_TOKEN);
        String[] parts = organizer.split("\\.");
        String relabelled = "ops." + parts[1] + "." + parts[2];
        String prolonged = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        String expired = sessions.open(ConsoleRole.ORGANIZER, Instant.now().minus(Duration.ofHours(13)));
        for (String forged : new String[] {relabelled, prolonged, expired, "organizer", "", "a.b.c.d"}) {
            given().cookie(ConsoleSessions.COOKIE, forged).accept("text/html").get("/console").then().statusCode(401);
            given().cookie(ConsoleSessions.COOKIE, forged).accept("text/html").get("/ops").then().statusCode(401);
        }

        Response logout = given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, organizer)
                .post("/console/logout");
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.header("Location")).endsWith("/console/login");
        assertThat(logout.header("Set-Cookie")).startsWith(ConsoleSessions.COOKIE + "=;").contains("Max-Age=0");
    }
}
