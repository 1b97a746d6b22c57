package org.petitionpipeline.reporting.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.access.ConsoleAuthTest;
import org.petitionpipeline.reporting.access.ConsoleSessions;

@QuarkusTest
class AuditConsoleTest {

    private static final Pattern OLDER = Pattern.compile("href=\"/ops/audit\\?before=(\\d+)\"");

    @Inject
    AuditLog log;

    private static String page(String session, String query) {
        return given().cookie(ConsoleSessions.COOKIE, session).get("/ops/audit" + query).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'")).extract().asString();
    }

    @Test
    void opsSeeTheLatestEntriesEscapedAndPageToOlderOnes() {
        String organization = "audit-console-" + UUID.randomUUID();
        Caller owner = new Caller(UUID.randomUUID(), "owner@acme.example", false,
                Map.of(organization, OrgRole.OWNER));
        log.record(owner, AuditAction.TOKEN_REVOKE, organization, "<script>alert(1)</script>", AuditOutcome.DENIED,
                Map.of(), null);
        String session = ConsoleAuthTest.logIn(ConsoleAuthTest.OPS_TOKEN);

        String newest = page(session, "");
        assertThat(newest).contains("Audit log", "owner@acme.example", organization, "token.revoke",
                "status-DENIED", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        // a page per hundred: more than a hundred entries make an older page, which starts where this one ended
        for (int i = 0; i < 100; i++) {
            log.record(owner, AuditAction.PETITION_UPDATE, organization, "petition-" + i, AuditOutcome.SUCCESS,
                    Map.of(), null);
        }
        Matcher older = OLDER.matcher(page(session, ""));
        assertThat(older.find()).isTrue();
        String olderPage = page(session, "?before=" + older.group(1));
        assertThat(olderPage).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "href=\"/ops/audit\"")
                .doesNotContain("petition-99<");
    }

    @Test
    void theConsolesNavigationLeadsToTheLogAndOnlyOpsOpenIt() {
        String ops = ConsoleAuthTest.logIn(ConsoleAuthTest.OPS_TOKEN);
        given().cookie(ConsoleSessions.COOKIE, ops).get("/ops").then().statusCode(200)
                .body(containsString("<a href=\"/ops/audit\">Audit log</a>"));
        given().cookie(ConsoleSessions.COOKIE, ops).get("/ops/audit?before=yesterday").then().statusCode(422)
                .contentType("application/problem+json");

        given().accept("text/html").get("/ops/audit").then().statusCode(401);
        String organizer = ConsoleAuthTest.logIn("test-admin-token");
        given().cookie(ConsoleSessions.COOKIE, organizer).accept("text/html").get("/ops/audit").then().statusCode(403);
    }
}
