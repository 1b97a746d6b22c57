package org.petitionpipeline.reporting.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

/** The audit API through the admin bearer token, with the caller the identity filter would resolve put in place. */
@QuarkusTest
class AuditResourceTest {

    /** Stands in for the identity filter: every request of the test is {@code caller}'s. */
    static class FixedCaller extends CurrentCaller {
        private final Caller caller;

        FixedCaller(Caller caller) {
            this.caller = caller;
        }

        @Override
        public Caller get() {
            return caller;
        }
    }

    @Inject
    AuditLog log;

    static RequestSpecification as(Caller caller) {
        QuarkusMock.installMockForType(new FixedCaller(caller), CurrentCaller.class);
        return given().header("Authorization", PetitionCatalogTest.ADMIN);
    }

    private static Caller member(String organization, OrgRole role) {
        return new Caller(UUID.randomUUID(), role.label() + "@" + organization + ".example", false,
                Map.of(organization, role));
    }

    static Caller operator() {
        return new Caller(UUID.randomUUID(), "ops@platform.example", true, Map.of());
    }

    /** A fresh organization with {@code entries} entries, oldest first: petition-0, petition-1, … */
    private String organizationWith(int entries) {
        String organization = "audit-" + UUID.randomUUID();
        Caller owner = member(organization, OrgRole.OWNER);
        for (int i = 0; i < entries; i++) {
            log.record(owner, AuditAction.PETITION_UPDATE, organization, "petition-" + i, AuditOutcome.SUCCESS,
                    Map.of("field", "goal"), "192.0.2.1");
        }
        return organization;
    }

    @Test
    void anOwnerPagesThroughTheirOrganizationNewestFirst() {
        String organization = organizationWith(5);
        organizationWith(2);
        Caller owner = member(organization, OrgRole.OWNER);

        List<String> targets = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Object before = null;
        do {
            RequestSpecification request = as(owner).queryParam("organization", organization).queryParam("limit", 2);
            JsonPath page = (before == null ? request : request.queryParam("before", before)).get("/api/admin/audit")
                    .then().statusCode(200).contentType("application/json").extract().jsonPath();
            List<String> onPage = page.getList("events.target");
            targets.addAll(onPage);
            pageSizes.add(onPage.size());
            before = page.get("next_before");
        } while (before != null);

        assertThat(targets).containsExactly("petition-4", "petition-3", "petition-2", "petition-1", "petition-0");
        assertThat(pageSizes).containsExactly(2, 2, 1);
        JsonPath newest = as(owner).queryParam("organization", organization).queryParam("limit", 1)
                .get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertThat(newest.getMap("events[0]")).containsEntry("organization", organization)
                .containsEntry("action", "petition.update").containsEntry("outcome", "SUCCESS")
                .containsEntry("actor_label", "owner@" + organization + ".example")
                .containsEntry("detail", Map.of("field", "goal")).containsEntry("client_address", "192.0.2.1")
                .containsKeys("id", "at", "actor_account");
    }

    @Test
    void anOperatorReadsEveryOrganizationOrOne() {
        String first = organizationWith(1);
        String second = organizationWith(3);

        List<String> all = as(operator()).queryParam("limit", 500).get("/api/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("events.organization");
        assertThat(all).contains(first, second);
        as(operator()).queryParam("organization", second).get("/api/admin/audit").then().statusCode(200)
                .body("events.size()", equalTo(3)).body("next_before", equalTo(null));
    }

    @Test
    void onlyOwnersReadAnOrganizationsLogAndOutsidersLearnNotEvenThatItExists() {
        String organization = organizationWith(1);

        as(member(organization, OrgRole.EDITOR)).queryParam("organization", organization).get("/api/admin/audit")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("and your role there is editor: ask one of its owners"));
        String outsiderDetail = as(member("elsewhere", OrgRole.OWNER)).queryParam("organization", organization)
                .get("/api/admin/audit").then().statusCode(404).contentType("application/problem+json")
                .extract().path("detail");
        String nowhereDetail = as(member("elsewhere", OrgRole.OWNER)).queryParam("organization", "no-such-org")
                .get("/api/admin/audit").then().statusCode(404).extract().path("detail");
        assertThat(outsiderDetail.replace(organization, "x")).isEqualTo(nowhereDetail.replace("no-such-org", "x"));

        // each refusal is an entry of the organization's own log
        as(operator()).queryParam("organization", organization).get("/api/admin/audit").then().statusCode(200)
                .body("events.action", contains("access.denied", "access.denied", "petition.update"))
                .body("events.outcome", contains("DENIED", "DENIED", "SUCCESS"))
                .body("events[0].detail.status", equalTo("404")).body("events[1].detail.status", equalTo("403"));
    }

    @Test
    void malformedParametersAre422ProblemsNamingThem() {
        Caller owner = member("acme", OrgRole.OWNER);
        as(owner).get("/api/admin/audit").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("organization"));
        for (String limit : List.of("0", "501", "many")) {
            as(owner).queryParam("organization", "acme").queryParam("limit", limit).get("/api/admin/audit").then()
                    .statusCode(422)
                    .body("errors.limit", equalTo("must be a whole number from 1 to 500 (default 100)"));
        }
        as(operator()).queryParam("before", "yesterday").get("/api/admin/audit").then().statusCode(422)
                .body("errors", hasKey("before"));
    }

    @Test
    void withoutTheBearerTokenNothingIsRead() {
        given().get("/api/admin/audit").then().statusCode(401);
    }
}
