package org.petitionpipeline.reporting.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.identity.AccessTokenClaims;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

/**
 * Organizations own petitions: every admin endpoint of a petition answers each caller by their role in its
 * organization (owner, editor, viewer, none) or their standing as a platform operator, with personal API tokens.
 */
@QuarkusTest
class OrganizationAccessTest {

    @Inject
    DataSource dataSource;

    @Inject
    SigningKey signingKey;

    private String run;
    private String acme;
    private String beta;
    private String ann;
    private String eddie;
    private String vera;
    private String bob;

    /** Two organizations of this run: acme (Ann owner, Eddie editor, Vera viewer) and beta (Bob owner). */
    @BeforeEach
    void twoOrganizations() {
        run = UUID.randomUUID().toString().substring(0, 8);
        acme = "acme-" + run;
        beta = "beta-" + run;
        ann = createOrganization(acme, "ann");
        bob = createOrganization(beta, "bob");
        eddie = addMember(ann, acme, "eddie", "editor");
        vera = addMember(ann, acme, "vera", "viewer");
    }

    @Test
    void eachCallerActsOnAPetitionAsTheirRoleInItsOrganizationAllows() {
        String slug = "org-petition-" + run;
        as(ann).body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions")
                .then().statusCode(201).body("organization", equalTo(acme));
        String petition = "/api/admin/petitions/" + slug;

        for (String reader : List.of(ann, eddie, vera)) {
            as(reader).get(petition).then().statusCode(200);
            as(reader).get(petition + "/stats").then().statusCode(200);
            as(reader).get(petition + "/report.csv").then().statusCode(200);
        }
        as(vera).body(PetitionCatalogTest.petitionJson(slug)).put(petition).then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(
                        "your role in organization '" + acme + "' is viewer; this needs editor"));
        as(vera).post(petition + "/close").then().statusCode(403);
        as(eddie).body(PetitionCatalogTest.petitionJson(slug)).put(petition).then().statusCode(200);

        // another organization's owner cannot even tell the petition exists
        for (String path : List.of(petition, petition + "/stats", petition + "/breakdown", petition + "/report.csv")) {
            as(bob).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("there is no petition '" + slug + "'"));
        }
        as(bob).post(petition + "/close").then().statusCode(404);
        as(bob).get("/api/admin/petitions").then().statusCode(200).body("slug", not(hasItem(slug)));
        as(ann).get("/api/admin/petitions").then().body("slug", hasItem(slug));

        // a platform operator (the deployment's organizer token) reads figures but no signer list, and changes nothing
        asLegacy().get(petition + "/stats").then().statusCode(200);
        asLegacy().get(petition + "/report.csv").then().statusCode(403);
        asLegacy().post(petition + "/close").then().statusCode(403);
        as(ann).post(petition + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void theOrganizationsAuditLogRecordsWhoDidWhatAndWhoWasRefused() {
        String slug = "org-audit-" + run;
        as(eddie).body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions").then().statusCode(201);
        as(vera).get("/api/admin/petitions/" + slug + "/report.csv").then().statusCode(200);
        as(vera).post("/api/admin/petitions/" + slug + "/close").then().statusCode(403);
        as(bob).get("/api/admin/petitions/" + slug).then().statusCode(404);

        as(ann).get("/api/admin/audit?organization=" + acme).then().statusCode(200)
                .body("events.find { it.action == 'petition.create' }.actor_label", equalTo("eddie-" + run + "@acme.example"))
                .body("events.find { it.action == 'petition.create' }.target", equalTo(slug))
                .body("events.find { it.action == 'report.download' }.actor_label", equalTo("vera-" + run + "@acme.example"))
                .body("events.find { it.action == 'report.download' }.detail.file", equalTo("report.csv"))
                .body("events.findAll { it.outcome == 'DENIED' }.actor_label", hasItem("vera-" + run + "@acme.example"))
                .body("events.findAll { it.outcome == 'DENIED' }.actor_label", hasItem("bob-" + run + "@beta.example"))
                .body("events.findAll { it.action == 'member.add' }.size()", equalTo(3));
        as(vera).get("/api/admin/audit?organization=" + acme).then().statusCode(403);
        as(bob).get("/api/admin/audit?organization=" + acme).then().statusCode(404);
    }

    @Test
    void aNewPetitionGoesToTheOrganizationTheCallerEditsAndNoOther() {
        String petition = PetitionCatalogTest.petitionJson("org-choice-" + run);
        String elsewhere = petition.substring(0, petition.lastIndexOf('}')) + ", \"organization\": \"" + beta + "\"}";
        // another organization: refused alike whether it exists or not
        as(eddie).body(elsewhere).post("/api/admin/petitions").then().statusCode(403)
                .contentType("application/problem+json");
        as(eddie).body(elsewhere.replace(beta, "nowhere-" + run)).post("/api/admin/petitions").then().statusCode(403)
                .body("detail", equalTo("you are no editor of organization 'nowhere-" + run + "': name an "
                        + "organization you are an editor of"));
        as(vera).body(petition).post("/api/admin/petitions").then().statusCode(403);
        as(bob).body("{\"email\": \"eddie-%s@acme.example\", \"role\": \"editor\"}".formatted(run))
                .post("/api/admin/organizations/" + beta + "/members").then().statusCode(200)
                .body("first_token", nullValue());
        as(eddie).body(petition).post("/api/admin/petitions").then().statusCode(422)
                .body("errors", hasKey("organization"));
        as(eddie).body(elsewhere).post("/api/admin/petitions").then().statusCode(201)
                .body("organization", equalTo(beta));
        as(eddie).body(petition.replace("}", ", \"organization\": \"" + acme + "\"}"))
                .put("/api/admin/petitions/org-choice-" + run).then().statusCode(422)
                .body("errors", hasKey("organization"));
    }

    @Test
    void deliveryReportsGoToMembersUnlessAnOwnerConfirmsAnotherAddress() {
        String slug = "org-recipients-" + run;
        String petition = PetitionCatalogTest.petitionJson(slug);
        String toOutsider = withOrganizerEmails(petition, "\"partner@coalition.example\"");
        String toMember = withOrganizerEmails(petition, "\"VERA-" + run + "@acme.example\"");
        as(eddie).body(toOutsider).post("/api/admin/petitions").then().statusCode(422)
                .contentType("application/problem+json").body("errors", hasKey("organizer_emails[0]"));
        as(eddie).body(toMember).post("/api/admin/petitions").then().statusCode(201);

        // the owner confirms an outside address by writing it; an editor then keeps it, but adds no other
        as(ann).body(toOutsider).put("/api/admin/petitions/" + slug).then().statusCode(200);
        as(eddie).body(toOutsider).put("/api/admin/petitions/" + slug).then().statusCode(200);
        as(eddie).body(withOrganizerEmails(petition, "\"partner@coalition.example\", \"leak@elsewhere.example\""))
                .put("/api/admin/petitions/" + slug).then().statusCode(422)
                .body("errors", hasKey("organizer_emails[1]")).body("errors", not(hasKey("organizer_emails[0]")));
    }

    private static String withOrganizerEmails(String petition, String addresses) {
        return petition.substring(0, petition.lastIndexOf('}')) + ", \"organizer_emails\": [" + addresses + "]}";
    }

    @Test
    void tokensAreShownOnceStoredHashedAndEndAtOnceWhenRevoked() throws Exception {
        String made = as(ann).body("{\"name\": \"CRM sync\"}").post("/api/admin/tokens").then().statusCode(201)
                .body("secret", startsWith("ppat_")).extract().path("secret");
        String id = as(made).get("/api/admin/tokens").then().statusCode(200)
                .body("find { it.name == 'CRM sync' }.secret", nullValue())
                .body("find { it.name == 'CRM sync' }.last_used_at", not(nullValue()))
                .extract().path("find { it.name == 'CRM sync' }.id");
        assertThat(storedTokenColumns()).noneMatch(value -> value.contains(made.substring(5)));

        as(made).delete("/api/admin/tokens/" + id).then().statusCode(204);
        as(made).get("/api/admin/petitions").then().statusCode(401).contentType("application/problem+json");
        as(ann).delete("/api/admin/tokens/" + id).then().statusCode(404);
        as("ppat_" + "A".repeat(43)).get("/api/admin/petitions").then().statusCode(401);
    }

    @Test
    void ownersManagePeopleAndAnOrganizationKeepsAnOwner() {
        String slug = "org-people-" + run;
        as(ann).body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions").then().statusCode(201);
        as(eddie).get("/api/admin/organizations/" + acme + "/members").then().statusCode(403);
        as(bob).get("/api/admin/organizations/" + acme + "/members").then().statusCode(404);
        as(bob).body("{\"slug\": \"gamma-" + run + "\", \"name\": \"Gamma\", \"owner_email\": \"g@example.org\"}")
                .post("/api/admin/organizations").then().statusCode(403);
        String annId = as(ann).get("/api/admin/organizations/" + acme + "/members").then().statusCode(200)
                .extract().path("find { it.email == 'ann-" + run + "@acme.example' }.account_id");
        as(ann).delete("/api/admin/organizations/" + acme + "/members/" + annId).then().statusCode(409);

        String veraId = as(ann).get("/api/admin/organizations/" + acme + "/members").then()
                .extract().path("find { it.role == 'viewer' }.account_id");
        as(vera).get("/api/admin/petitions/" + slug).then().statusCode(200);
        as(ann).delete("/api/admin/organizations/" + acme + "/members/" + veraId).then().statusCode(204);
        as(vera).get("/api/admin/petitions/" + slug).then().statusCode(404);

        as(ann).body("{\"email\": \"not an address\", \"role\": \"boss\"}")
                .post("/api/admin/organizations/" + acme + "/members").then().statusCode(422)
                .body("errors", hasKey("email")).body("errors", hasKey("role"));
        asLegacy().body("{\"slug\": \"-x\", \"name\": \"\", \"owner_email\": \"x\"}").post("/api/admin/organizations")
                .then().statusCode(422).body("errors", hasKey("slug")).body("errors", hasKey("name"))
                .body("errors", hasKey("owner_email"));
        asLegacy().body("{\"slug\": \"" + acme + "\", \"name\": \"Again\", \"owner_email\": \"x@example.org\"}")
                .post("/api/admin/organizations").then().statusCode(409);
        as(bob).get("/api/admin/organizations").then().body("slug", equalTo(List.of(beta)))
                .body("your_role", equalTo(List.of("owner")));
    }


    @Test
    void aCredentialBuysAShortAccessTokenWithTheCallersRolesThatEveryServiceChecksTheSameWay() throws Exception {
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys.size()", equalTo(1))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kid", not(nullValue())).body("keys[0]", not(hasKey("d")));
        String slug = "org-jwt-" + run;
        as(ann).body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions").then().statusCode(201);
        as(bob).body(PetitionCatalogTest.petitionJson(slug + "-beta")).post("/api/admin/petitions").then()
                .statusCode(201);

        String accessToken = given().header("Authorization", "Bearer " + eddie).post("/api/auth/token").then()
                .statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .extract().path("access_token");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        assertThat(claims.get("aud").asText()).isEqualTo(AccessTokenClaims.AUDIENCE);
        assertThat(claims.get("iss").asText()).isEqualTo("urn:petition-pipeline:test");
        assertThat(claims.get("org_roles").toString()).isEqualTo("[\"" + acme + ":editor\"]");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);

        as(accessToken).get("/api/admin/petitions/" + slug).then().statusCode(200);
        as(accessToken).body(PetitionCatalogTest.petitionJson(slug)).put("/api/admin/petitions/" + slug).then()
                .statusCode(200);
        as(accessToken).get("/api/admin/petitions/" + slug + "-beta").then().statusCode(404);
        // an access token buys no fresh one: a stolen token dies when it expires
        given().header("Authorization", "Bearer " + accessToken).post("/api/auth/token").then().statusCode(401)
                .contentType("application/problem+json");

        Caller eddieNow = new Caller(UUID.fromString(claims.get("sub").asText()), "eddie", false,
                Map.of(acme, OrgRole.EDITOR));
        // accepted once (and remembered), the token's signature still binds its claims: beta's role spliced in fails
        String[] accepted = accessToken.split("\\.");
        String betaClaims = signingKey.mint().tokenFor(new Caller(eddieNow.accountId(), "eddie", false,
                Map.of(beta, OrgRole.OWNER)), Instant.now()).split("\\.")[1];
        for (String refused : List.of(signingKey.mint().tokenFor(eddieNow, Instant.now().minusSeconds(3600)),
                TestAccessTokens.of(eddieNow), accessToken.substring(0, accessToken.length() - 2) + "AA",
                accepted[0] + "." + accepted[1] + ".", accepted[0] + "." + betaClaims + "." + accepted[2])) {
            as(refused).get("/api/admin/petitions/" + slug).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().post("/api/auth/token").then().statusCode(401).contentType("application/problem+json");

        String revoked = as(ann).body("{\"name\": \"to revoke\"}").post("/api/admin/tokens").then().statusCode(201)
                .extract().path("secret");
        String revokedId = as(revoked).get("/api/admin/tokens").then()
                .extract().path("find { it.name == 'to revoke' }.id");
        as(ann).delete("/api/admin/tokens/" + revokedId).then().statusCode(204);
        given().header("Authorization", "Bearer " + revoked).post("/api/auth/token").then().statusCode(401);
    }

    /** Made by a platform operator; returns the first owner's first token. */
    private String createOrganization(String slug, String owner) {
        return asLegacy().body("""
                {"slug": "%s", "name": "Org %s", "owner_email": "%s-%s@%s.example"}"""
                .formatted(slug, slug, owner, run, slug.substring(0, slug.indexOf('-'))))
                .post("/api/admin/organizations").then().statusCode(201)
                .body("owner.role", equalTo("owner")).extract().path("owner.first_token");
    }

    /** Returns the new member's first token, or null when they had an account already. */
    private String addMember(String owner, String organization, String name, String role) {
        return as(owner).body("{\"email\": \"%s-%s@acme.example\", \"role\": \"%s\"}".formatted(name, run, role))
                .post("/api/admin/organizations/" + organization + "/members").then().statusCode(201)
                .body("role", equalTo(role)).extract().path("first_token");
    }

    private List<String> storedTokenColumns() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select name, token_hash from reporting.api_token");
                ResultSet rows = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
                values.add(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1));
            }
            return values;
        }
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private static RequestSpecification asLegacy() {
        return given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json");
    }
}
