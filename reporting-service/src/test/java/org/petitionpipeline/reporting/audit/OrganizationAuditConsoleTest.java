package org.petitionpipeline.reporting.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.access.ConsolePeople;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.access.ConsoleSessions;

/** An organization's audit log in the organizer console: its owners read it, its other members and outsiders not. */
@QuarkusTest
class OrganizationAuditConsoleTest {

    @Inject
    AuditLog log;

    @Inject
    ReceivedAuditEvents received;

    private static String auditPage(String organization) {
        return "/console/organizations/" + organization + "/audit";
    }

    @Test
    void anOwnerReadsTheirOrganizationsEntriesOfEveryServiceNewestFirstAndPagesToOlderOnes() {
        Person ann = ConsolePeople.owner("owner-audit");
        String organization = ConsolePeople.organizationOf(ann);
        Person bob = ConsolePeople.owner("other-audit");
        String elsewhere = ConsolePeople.organizationOf(bob);
        Caller someone = new Caller(UUID.randomUUID(), "ed@" + organization + ".example", false,
                Map.of(organization, OrgRole.EDITOR));
        received.addNew(List.of(new AuditEvent(EventSchema.VERSION, UUID.randomUUID(), Instant.now(), "email-service",
                someone.accountId(), someone.label(), organization, "mailing.post", "save-the-library",
                AuditEvent.SUCCESS, Map.of("recipients", "1200"), "203.0.113.9")));
        log.record(someone, AuditAction.PETITION_UPDATE, elsewhere, "not-ours", AuditOutcome.SUCCESS, Map.of(),
                null);
        String session = ann.logIn();

        given().cookie(ConsoleSessions.COOKIE, session).get("/console/organizations/" + organization).then()
                .statusCode(200).body(containsString("href=\"" + auditPage(organization) + "\""));
        String newest = given().cookie(ConsoleSessions.COOKIE, session).get(auditPage(organization)).then()
                .statusCode(200).header("Content-Security-Policy", containsString("script-src 'self'")).extract()
                .asString();
        assertThat(newest).contains("Audit log of " + organization, "email-service", "ed@" + organization
                + ".example", "mailing.post", "save-the-library", "status-SUCCESS", "recipients: 1200",
                "reporting-service", "member.add").doesNotContain("not-ours", "Older entries");
        assertThat(newest.indexOf("mailing.post")).isLessThan(newest.indexOf("member.add"));

        // a page per hundred: the older page starts where this one ended, and links back to the newest
        for (int i = 0; i < 100; i++) {
            log.record(someone, AuditAction.PETITION_UPDATE, organization, "petition-" + i, AuditOutcome.SUCCESS,
                    Map.of(), null);
        }
        Matcher older = Pattern.compile("href=\"" + Pattern.quote(auditPage(organization)) + "\\?before=(\\d+)\"")
                .matcher(given().cookie(ConsoleSessions.COOKIE, session).get(auditPage(organization)).asString());
        assertThat(older.find()).isTrue();
        String olderPage = given().cookie(ConsoleSessions.COOKIE, session)
                .get(auditPage(organization) + "?before=" + older.group(1)).then().statusCode(200).extract()
                .asString();
        assertThat(olderPage).contains("mailing.post", "href=\"" + auditPage(organization) + "\"")
                .doesNotContain("petition-99<", "not-ours");
    }

    @Test
    void aViewerIsToldToAskAnOwnerAndAnOutsiderFindsNoSuchOrganization() {
        Person ann = ConsolePeople.owner("viewer-audit");
        String organization = ConsolePeople.organizationOf(ann);
        Person vera = ConsolePeople.member(ann, "viewer");
        Person bob = ConsolePeople.owner("outsider-audit");

        given().cookie(ConsoleSessions.COOKIE, vera.logIn()).accept("text/html").get(auditPage(organization)).then()
                .statusCode(403).contentType("text/html")
                .body(containsString("only owners of &#39;" + organization + "&#39; read its audit log"),
                        containsString("your role there is viewer"));
        given().cookie(ConsoleSessions.COOKIE, bob.logIn()).accept("text/html").get(auditPage(organization)).then()
                .statusCode(404).contentType("text/html")
                .body(containsString("you belong to no organization"));
        given().accept("text/html").get(auditPage(organization)).then().statusCode(401);

        // both refusals are entries of the organization's own log, which its owner reads
        String entries = given().cookie(ConsoleSessions.COOKIE, ann.logIn()).get(auditPage(organization)).then()
                .statusCode(200).extract().asString();
        assertThat(entries).contains(vera.email(), bob.email(), "status-DENIED", "status: 403", "status: 404");
    }
}
