package org.petitionpipeline.reporting.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.access.ConsoleBrowser;
import org.petitionpipeline.reporting.access.ConsolePeople;
import org.petitionpipeline.reporting.access.ConsoleSessions;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;

/** An organization's webhook endpoints through the admin API, as its owner, its other members and strangers. */
@QuarkusTest
class WebhookEndpointAdminTest {

    @Inject
    DataSource dataSource;

    @Test
    void theOwnerAddsListsRotatesAndDeletesAnEndpointAndSeesTheSecretOnlyOnce() {
        Person owner = ConsolePeople.owner("hooks");
        String webhooks = webhooksOf(owner);

        String secret = as(owner).body("""
                {"url": "http://127.0.0.1:9/hooks", "event_types": ["signature.accepted"]}""")
                .post(webhooks).then().statusCode(201)
                .header("Location", startsWith("http")).body("secret", startsWith("whsec_"))
                .body("event_types", equalTo(List.of("signature.accepted"))).extract().path("secret");
        String id = as(owner).get(webhooks).then().statusCode(200).body("", hasSize(1))
                .body("[0].url", equalTo("http://127.0.0.1:9/hooks")).body("[0].secret", nullValue())
                .extract().path("[0].id");

        as(owner).post(webhooks + "/" + id + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("secret", not(equalTo(secret)))
                .body("previous_secret_valid_until", notNullValue());

        as(owner).delete(webhooks + "/" + id).then().statusCode(204);
        as(owner).get(webhooks).then().statusCode(200).body("", empty());
        as(owner).delete(webhooks + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEndpointWithoutEventTypesSubscribesToAllOfThem() {
        Person owner = ConsolePeople.owner("hooks");
        as(owner).body("{\"url\": \"http://127.0.0.1:9/all\"}").post(webhooksOf(owner)).then().statusCode(201)
                .body("event_types", equalTo(List.of("signature.accepted", "signature.verified",
                        "signature.invalidated", "person.unsubscribed", "person.bounced", "person.erased",
                        "call.reported", "milestone.reached", "report.ready")));
    }

    @Test
    void badUrlsAndUnknownEventTypesAre422ProblemsAndAddNothing() {
        Person owner = ConsolePeople.owner("hooks");
        String webhooks = webhooksOf(owner);
        for (String url : List.of("https://0.0.0.0/hooks", "https://[::]/", "https://224.0.0.1/", "ftp://127.0.0.1/",
                "https://user:password@127.0.0.1/", "not a url", "")) {
            as(owner).body("{\"url\": \"" + url + "\"}").post(webhooks).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.url", notNullValue());
        }
        as(owner).body("{\"url\": \"https://127.0.0.1/\", \"event_types\": [\"person.hacked\"]}").post(webhooks)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.event_types", notNullValue());
        for (int batchSize : new int[] {0, -1, 101}) {
            as(owner).body("{\"url\": \"https://127.0.0.1/\", \"batch_size\": " + batchSize + "}").post(webhooks)
                    .then().statusCode(422).body("errors.batch_size", notNullValue());
        }
        as(owner).body("[]").post(webhooks).then().statusCode(400);
        as(owner).get(webhooks).then().statusCode(200).body("", empty());
    }

    @Test
    void anotherOrganizationsPeopleAndLesserRolesChangeNothing() {
        Person owner = ConsolePeople.owner("hooks");
        Person stranger = ConsolePeople.owner("other");
        Person editor = ConsolePeople.member(owner, "editor");
        Person viewer = ConsolePeople.member(owner, "viewer");
        String webhooks = webhooksOf(owner);
        String id = as(owner).body("{\"url\": \"http://127.0.0.1:9/hooks\"}").post(webhooks).then().statusCode(201)
                .extract().path("id");

        as(stranger).get(webhooks).then().statusCode(404).contentType("application/problem+json");
        as(stranger).body("{\"url\": \"http://127.0.0.1:9/evil\"}").post(webhooks).then().statusCode(404);
        as(stranger).post(webhooks + "/" + id + "/rotate-secret").then().statusCode(404);
        as(stranger).delete(webhooks + "/" + id).then().statusCode(404);
        as(stranger).get(webhooks + "/" + id + "/deliveries").then().statusCode(404);
        as(stranger).get(webhooksOf(stranger) + "/" + id + "/deliveries").then().statusCode(404);
        // the stranger's own organization in the path does not reach another's endpoint either
        as(stranger).delete(webhooksOf(stranger) + "/" + id).then().statusCode(404);
        as(stranger).post(webhooksOf(stranger) + "/" + id + "/rotate-secret").then().statusCode(404);

        as(editor).get(webhooks).then().statusCode(200).body("", hasSize(1));
        as(editor).get(webhooks + "/" + id + "/deliveries").then().statusCode(200).body("", empty());
        as(editor).get(webhooks + "/" + id + "/deliveries?limit=0").then().statusCode(422);
        as(editor).delete(webhooks + "/" + id).then().statusCode(403).contentType("application/problem+json");
        as(editor).body("{\"url\": \"http://127.0.0.1:9/x\"}").post(webhooks).then().statusCode(403);
        as(viewer).get(webhooks).then().statusCode(403);
        given().get(webhooks).then().statusCode(401);

        as(owner).get(webhooks).then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo(id))
                .body("[0].url", equalTo("http://127.0.0.1:9/hooks"));
    }

    @Test
    void theOwnerEnablesADisabledEndpointAgainAuditedWhileEditorsAndStrangersCannot() {
        Person owner = ConsolePeople.owner("hooks");
        Person stranger = ConsolePeople.owner("other");
        Person editor = ConsolePeople.member(owner, "editor");
        String webhooks = webhooksOf(owner);
        String id = as(owner).body("{\"url\": \"http://127.0.0.1:9/hooks\"}").post(webhooks).then().statusCode(201)
                .extract().path("id");
        disable(id);

        as(editor).post(webhooks + "/" + id + "/enable").then().statusCode(403)
                .contentType("application/problem+json");
        as(stranger).post(webhooks + "/" + id + "/enable").then().statusCode(404);
        as(stranger).post(webhooksOf(stranger) + "/" + id + "/enable").then().statusCode(404);
        as(owner).get(webhooks).then().statusCode(200).body("[0].disabled_at", notNullValue());

        as(owner).post(webhooks + "/" + id + "/enable").then().statusCode(204);
        as(owner).get(webhooks).then().statusCode(200).body("[0].disabled_at", nullValue())
                .body("[0].disabled_reason", nullValue()).body("[0].failing_since", nullValue());
        as(owner).post(webhooks + "/" + UUID.randomUUID() + "/enable").then().statusCode(404);
        as(owner).get("/api/admin/audit?organization=" + ConsolePeople.organizationOf(owner)).then().statusCode(200)
                .body("events.findAll { it.action == 'webhook.enable' }.size()", equalTo(1))
                .body("events.find { it.action == 'webhook.enable' }.target", equalTo(id));
    }

    @Test
    void theConsoleShowsAnEnableButtonNextToADisabledEndpointThatOnlyTheOwnerCanUse() {
        Person owner = ConsolePeople.owner("hooks");
        Person editor = ConsolePeople.member(owner, "editor");
        String webhooks = webhooksOf(owner);
        String id = as(owner).body("{\"url\": \"http://127.0.0.1:9/hooks\"}").post(webhooks).then().statusCode(201)
                .extract().path("id");
        String page = "/console/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks";
        String ownerSession = owner.logIn();
        assertThat(consolePage(ownerSession, page)).doesNotContain("Enable again");
        disable(id);
        assertThat(consolePage(ownerSession, page)).contains("Disabled since", "Enable again");

        ConsoleBrowser.submit(editor.logIn(), page + "/" + id + "/enable", Map.of()).then().statusCode(403);
        as(owner).get(webhooks).then().body("[0].disabled_at", notNullValue());
        ConsoleBrowser.submit(ownerSession, page + "/" + id + "/enable", Map.of()).then().statusCode(303);
        as(owner).get(webhooks).then().body("[0].disabled_at", nullValue());
        assertThat(consolePage(ownerSession, page)).doesNotContain("Enable again", "Disabled since");
    }

    private static String consolePage(String session, String page) {
        return given().cookie(ConsoleSessions.COOKIE, session).get(page).then().statusCode(200).extract().asString();
    }

    private void disable(String id) {
        new Statements(dataSource).update("disable the endpoint", """
                update reporting.webhook_endpoint
                set failing_since = now() - interval '25 hours', disabled_at = now(), disabled_reason = 'HTTP 500'
                where id = ?::uuid""", id);
    }

    private static String webhooksOf(Person owner) {
        return "/api/admin/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks";
    }

    private static RequestSpecification as(Person person) {
        return given().header("Authorization", "Bearer " + person.token()).contentType("application/json");
    }
}
