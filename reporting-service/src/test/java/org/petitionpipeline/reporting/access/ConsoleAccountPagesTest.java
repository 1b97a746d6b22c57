package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

/** The account page, the owners' page of an organization, and the organizer console as each person's roles allow. */
@QuarkusTest
class ConsoleAccountPagesTest {

    @Inject
    DataSource dataSource;

    private static final Pattern TOKEN = Pattern.compile("id=\"new-token\">(ppat_[A-Za-z0-9_-]{43})<");

    @Test
    void endingASessionFromTheAccountPageRefusesItsCookieAtOnce() {
        Person ann = ConsolePeople.owner("sessions");
        String laptop = ann.logIn();
        String phone = ann.logIn();

        given().cookie(ConsoleSessions.COOKIE, laptop).get("/console/account").then().statusCode(200)
                .body(containsString(ann.email()), containsString("(this one)"));

        // the phone's session is the one not marked as the laptop's own
        String phoneSession = ConsoleBrowser.sessionOnAccountPage(laptop, false);
        ConsoleBrowser.submit(laptop, "/console/account/sessions/" + phoneSession + "/revoke", Map.of()).then()
                .statusCode(303);

        given().cookie(ConsoleSessions.COOKIE, phone).accept("text/html").get("/console").then().statusCode(401);
        given().cookie(ConsoleSessions.COOKIE, laptop).get("/console").then().statusCode(200);
    }

    @Test
    void theAccountPageChangesThePasswordAndMakesAndRevokesTokens() {
        Person ann = ConsolePeople.owner("account");
        String session = ann.logIn();

        Response wrongCurrent = ConsoleBrowser.submit(session, "/console/account/password",
                Map.of("current_password", "not my password", "password", "a brand new password"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        Response tooShort = ConsoleBrowser.submit(session, "/console/account/password",
                Map.of("current_password", ann.password(), "password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.asString()).contains("between 12 and 128 characters");
        ConsoleBrowser.submit(session, "/console/account/password",
                Map.of("current_password", ann.password(), "password", "a brand new password")).then().statusCode(200)
                .body(containsString("Your password is changed"));
        ConsoleBrowser.logIn(ann.email(), "a brand new password");
        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200);

        String made = ConsoleBrowser.submit(session, "/console/account/tokens", Map.of("name", "CRM sync")).then()
                .statusCode(200).extract().asString();
        Matcher token = TOKEN.matcher(made);
        assertThat(token.find()).isTrue();
        given().header("Authorization", "Bearer " + token.group(1)).get("/api/admin/tokens").then().statusCode(200);
        // shown once: the page does not show it again
        given().cookie(ConsoleSessions.COOKIE, session).get("/console/account").then()
                .body(containsString("CRM sync"), not(containsString(token.group(1))));

        String tokenId = given().header("Authorization", "Bearer " + token.group(1)).get("/api/admin/tokens").then()
                .extract().path("find { it.name == 'CRM sync' }.id");
        ConsoleBrowser.submit(session, "/console/account/tokens/" + tokenId + "/revoke", Map.of()).then()
                .statusCode(303);
        given().header("Authorization", "Bearer " + token.group(1)).get("/api/admin/tokens").then().statusCode(401);
    }

    @Test
    void anOwnerAddsChangesAndRemovesPeopleOnTheOrganizationsPage() {
        Person ann = ConsolePeople.owner("people");
        String organization = ConsolePeople.organizationOf(ann);
        String session = ann.logIn();
        String page = "/console/organizations/" + organization;
        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200)
                .body(containsString("href=\"" + page + "\""));

        Response added = ConsoleBrowser.submit(session, page + "/members",
                Map.of("email", "sam@" + organization + ".example", "role", "editor"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.asString()).contains("sam@" + organization + ".example is editor", "id=\"first-token\">ppat_");

        ConsoleBrowser.submit(session, page + "/members", Map.of("email", "sam@" + organization + ".example",
                "role", "viewer")).then().statusCode(200);
        String samId = given().header("Authorization", "Bearer " + ann.token())
                .get("/api/admin/organizations/" + organization + "/members").then()
                .extract().path("find { it.role == 'viewer' }.account_id");

        // the last owner cannot leave: the page says why and nothing changes
        String annId = given().header("Authorization", "Bearer " + ann.token())
                .get("/api/admin/organizations/" + organization + "/members").then()
                .extract().path("find { it.role == 'owner' }.account_id");
        Response lastOwner = ConsoleBrowser.submit(session, page + "/members/" + annId + "/remove", Map.of());
        assertThat(lastOwner.statusCode()).isEqualTo(409);
        assertThat(lastOwner.asString()).contains("would have no owner left");

        ConsoleBrowser.submit(session, page + "/members/" + samId + "/remove", Map.of()).then().statusCode(303);
        given().header("Authorization", "Bearer " + ann.token())
                .get("/api/admin/organizations/" + organization + "/members").then()
                .body("email", not(hasItem("sam@" + organization + ".example")));
    }

    @Test
    void aViewerCannotOpenTheOwnersPageAndOthersDoNotSeeIt() {
        Person ann = ConsolePeople.owner("viewers");
        String organization = ConsolePeople.organizationOf(ann);
        Person vera = ConsolePeople.member(ann, "viewer");
        Person bob = ConsolePeople.owner("elsewhere");

        String veraSession = vera.logIn();
        given().cookie(ConsoleSessions.COOKIE, veraSession).get("/console/organizations/" + organization).then()
                .statusCode(403);
        ConsoleBrowser.submit(veraSession, "/console/organizations/" + organization + "/members",
                Map.of("email", "mallory@evil.example", "role", "owner")).then().statusCode(403);
        given().cookie(ConsoleSessions.COOKIE, bob.logIn()).get("/console/organizations/" + organization).then()
                .statusCode(404);
    }

    @Test
    void aPlatformOperatorsLoginOpensTheOpsConsoleAndNobodyElses() {
        Person olga = ConsolePeople.owner("operators");
        Person ann = ConsolePeople.owner("nonoperators");
        new Statements(dataSource).update("make a platform operator",
                "update reporting.account set platform_operator = true where email = ?", olga.email());

        given().cookie(ConsoleSessions.COOKIE, olga.logIn()).get("/ops").then().statusCode(200);
        given().cookie(ConsoleSessions.COOKIE, ann.logIn()).accept("text/html").get("/ops").then().statusCode(403)
                .body(containsString("the ops console is for platform operators"));
    }

    @Test
    void theOrganizerConsoleShowsEachPersonTheirOrganizationsPetitionsOnly() {
        Person ann = ConsolePeople.owner("consolea");
        Person bob = ConsolePeople.owner("consoleb");
        String slug = "console-of-" + ConsolePeople.organizationOf(ann);
        given().header("Authorization", "Bearer " + ann.token()).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions").then().statusCode(201);

        String annSession = ann.logIn();
        given().cookie(ConsoleSessions.COOKIE, annSession).get("/console").then().statusCode(200)
                .body(containsString("/console/petitions/" + slug));
        given().cookie(ConsoleSessions.COOKIE, annSession).get("/console/petitions/" + slug).then().statusCode(200)
                .body(containsString("report.csv"));

        String bobSession = bob.logIn();
        given().cookie(ConsoleSessions.COOKIE, bobSession).get("/console").then().statusCode(200)
                .body(not(containsString("/console/petitions/" + slug)));
        given().cookie(ConsoleSessions.COOKIE, bobSession).get("/console/petitions/" + slug).then().statusCode(404);
        given().cookie(ConsoleSessions.COOKIE, bobSession).get("/api/admin/petitions/" + slug + "/stats").then()
                .statusCode(404);
    }
}
