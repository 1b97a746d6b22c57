package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.petitionpipeline.kit.identity.AccessTokenMint;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.IdentityConfig;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * Two organizations on the packaged pipeline, and a corpus of hostile requests against every admin endpoint of every
 * service: another organization's tokens (personal and access), a viewer's on writes, revoked, expired, forged,
 * tampered and malformed tokens, none at all, and another organization's signed report link. Not one succeeds; each
 * refusal is a 401, 403 or 404 problem, never a 5xx; nothing changes; and every refusal of a caller the pipeline
 * knows is in the one audit log, whichever service answered it. Runs on the browser tests' pipeline, so what it
 * checks is what changed while it ran.
 */
@ExtendWith(SharedBrowserPipeline.class)
@Order(Order.DEFAULT + 3)
class OrganizationsIT {

    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404);
    private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s\"<>]+/api/reports/[^\\s\"<>]+");

    private static LocalPipeline pipeline;

    /** The browser tests' pipeline: no start of its own (the browser goes unused). */
    @BeforeAll
    static void sharedPipeline(PipelineInBrowser run) {
        pipeline = run.pipeline();
    }

    @Test
    void noOtherOrganizationsTokenNorABrokenOneOpensAnyAdminEndpointAndEveryRefusalIsAudited() throws Exception {
        String acmeOwner = organization("acme");
        String betaOwner = organization("beta");
        String acmeViewer = member(acmeOwner, "acme", "viewer@acme.example", "viewer");
        String acmePetition = petition(acmeOwner, "acme-petition", "acme", 1000, "owner@acme.example");
        String betaPetition = petition(betaOwner, "beta-petition", "beta", 1, "owner@beta.example");
        String revoked = revokedToken(acmeOwner);
        String betaLink = reportLinkMailedTo("owner@beta.example", betaPetition);
        assertThat(get(URI.create(betaLink), null).statusCode()).as("beta's own link works").isEqualTo(200);

        String betaAccess = pipeline.accessToken(betaOwner);
        String viewerAccess = pipeline.accessToken(acmeViewer);
        Caller acmeOwnerClaims = new Caller(UUID.randomUUID(), "owner@acme.example", true,
                Map.of("acme", OrgRole.OWNER));
        List<String> broken = List.of(expiredWithReportingsKey(acmeOwnerClaims), forged(acmeOwnerClaims),
                tampered(betaAccess, "acme:owner"), revoked, "ppat_" + "A".repeat(43), "not-a-token",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        URI reporting = pipeline.url(PipelineService.REPORTING);
        URI email = pipeline.url(PipelineService.EMAIL);
        URI dedup = pipeline.url(PipelineService.DEDUP);
        String petitionPath = "/api/admin/petitions/" + acmePetition;
        String update = "{\"subject\": \"Hijacked\", \"body\": \"Send money\"}";
        String filing = "{\"email\": \"someone@example.org\", \"channel\": \"LETTER\", \"filed_by\": \"attacker\"}";
        String everyone = "{\"petition_slug\": \"" + acmePetition + "\", \"ip_range\": \"0.0.0.0/0\", \"reason\": \"x\"}";
        List<Attempt> reads = List.of(
                new Attempt(reporting, "GET", petitionPath, null),
                new Attempt(reporting, "GET", petitionPath + "/stats", null),
                new Attempt(reporting, "GET", petitionPath + "/breakdown", null),
                new Attempt(reporting, "GET", petitionPath + "/report.csv", null),
                new Attempt(reporting, "GET", petitionPath + "/report.pdf", null),
                new Attempt(reporting, "GET", petitionPath + "/report.manifest.json", null),
                new Attempt(reporting, "GET", "/api/admin/organizations/acme/members", null),
                new Attempt(reporting, "GET", "/api/admin/audit?organization=acme", null),
                new Attempt(email, "GET", petitionPath + "/updates/" + UUID.randomUUID(), null));
        List<Attempt> writes = List.of(
                new Attempt(reporting, "PUT", petitionPath, petitionJson(acmePetition, "acme", "Hijacked", "")),
                new Attempt(reporting, "POST", petitionPath + "/close", ""),
                new Attempt(reporting, "POST", "/api/admin/organizations/acme/members",
                        "{\"email\": \"intruder@evil.example\", \"role\": \"owner\"}"),
                new Attempt(reporting, "POST", "/api/admin/petitions",
                        petitionJson("intruder-petition", "acme", "Intruder", "")),
                new Attempt(email, "POST", petitionPath + "/updates", update));
        List<Attempt> operatorsOnly = List.of(
                new Attempt(email, "POST", "/api/admin/erasures", filing),
                new Attempt(email, "GET", "/api/admin/erasures", null),
                new Attempt(email, "POST", "/api/admin/access-requests", filing),
                new Attempt(dedup, "GET", "/api/admin/held", null),
                new Attempt(dedup, "POST", "/api/admin/held/release", "{\"petition_slug\": \"" + acmePetition + "\"}"),
                new Attempt(dedup, "POST", "/api/admin/invalidations", everyone));
        List<Attempt> all = new ArrayList<>(reads);
        all.addAll(writes);
        all.addAll(operatorsOnly);

        long deniedBefore = deniedEntries();
        Map<String, Long> before = changeCounts();
        List<String> answers = new ArrayList<>();
        int audited = 0;
        // another organization's owner, with their API token (reporting) and their access token (every service)
        for (Attempt attempt : all) {
            String token = attempt.service().equals(reporting) ? betaOwner : betaAccess;
            audited += refused(attempt, token, answers);
            if (attempt.service().equals(reporting)) {
                audited += refused(attempt, betaAccess, answers);
            }
        }
        // a viewer of the petition's own organization, on everything that changes something or is for operators
        for (Attempt attempt : concat(writes, operatorsOnly)) {
            audited += refused(attempt, attempt.service().equals(reporting) ? acmeViewer : viewerAccess, answers);
        }
        // tokens nobody can stand behind, and none at all: 401 everywhere, and no caller to audit
        for (String token : broken) {
            for (Attempt attempt : all) {
                assertThat(refused(attempt, token, answers)).as("%s with a broken token", attempt).isZero();
            }
        }
        for (Attempt attempt : all) {
            assertThat(refused(attempt, null, answers)).as("%s without a token", attempt).isZero();
        }
        // another organization's signed report link, pointed at this petition, or widened to another region
        String stolen = betaLink.replace("/api/reports/" + betaPetition + "/", "/api/reports/" + acmePetition + "/");
        for (String link : List.of(stolen, stolen.replace("report.csv", "report.pdf"),
                stolen.replace("report.csv", "report.manifest.json"), betaLink + "&region=US-NY")) {
            HttpResponse<String> answer = get(URI.create(link), null);
            answers.add(answer.statusCode() + " GET " + link);
            assertThat(answer.statusCode()).as(link).isIn(REFUSALS);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }

        assertThat(answers).as("hostile requests").hasSizeGreaterThanOrEqualTo(150);
        System.out.printf("OrganizationsIT: %d hostile requests, none answered but 401/403/404; %d from known callers%n",
                answers.size(), audited);
        long knownCallers = audited;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deniedEntries() - deniedBefore).as("refusals in the audit log").isEqualTo(knownCallers));
        assertNothingChanged(acmeOwner, acmePetition);
        assertThat(changeCounts()).as("what the corpus could have changed").isEqualTo(before);
    }

    /** Sends one hostile request; returns 1 when the refusal names a caller (403, 404: audited), else 0. */
    private static int refused(Attempt attempt, String token, List<String> answers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(attempt.service().resolve(attempt.path()))
                .timeout(Duration.ofSeconds(15));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (attempt.body() == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(attempt.method(), HttpRequest.BodyPublishers.ofString(attempt.body()));
        }
        HttpResponse<String> answer = PipelineUser.send(request.build());
        answers.add(answer.statusCode() + " " + attempt);
        assertThat(answer.statusCode()).as("%s → %s", attempt, answer.body()).isIn(REFUSALS);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("%s", attempt)
                .startsWith("application/problem+json");
        return answer.statusCode() == 401 ? 0 : 1;
    }

    private static void assertNothingChanged(String acmeOwner, String acmePetition) throws Exception {
        URI reporting = pipeline.url(PipelineService.REPORTING);
        JsonNode petition = PipelineUser.JSON.readTree(get(reporting.resolve("/api/admin/petitions/" + acmePetition),
                acmeOwner).body());
        assertThat(petition.get("title").asText()).isEqualTo("Petition acme-petition");
        assertThat(petition.get("status").asText()).isEqualTo("OPEN");
        assertThat(get(reporting.resolve("/api/admin/petitions/intruder-petition"), acmeOwner).statusCode())
                .isEqualTo(404);
        JsonNode members = PipelineUser.JSON.readTree(get(reporting.resolve("/api/admin/organizations/acme/members"),
                acmeOwner).body());
        assertThat(members.findValuesAsText("email")).containsExactlyInAnyOrder("owner@acme.example",
                "viewer@acme.example");
    }

    /** What the corpus's writes to email and dedup would have made: mailings, erasures, access requests, strikes. */
    private static Map<String, Long> changeCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("email.mailing", "email.erasure_request", "email.access_request")) {
            counts.put(table, count("select count(*) from " + table));
        }
        counts.put("dedup.signature held or invalidated", count(
                "select count(*) from dedup.signature where status in ('invalidated', 'held')"));
        return counts;
    }

    /** An organization made by the platform operator; returns its first owner's API token. */
    private static String organization(String slug) throws Exception {
        HttpResponse<String> made = post(pipeline.url(PipelineService.REPORTING).resolve("/api/admin/organizations"),
                "{\"slug\": \"%s\", \"name\": \"Org %s\", \"owner_email\": \"owner@%s.example\"}"
                        .formatted(slug, slug, slug), pipeline.settings().secrets().adminToken());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return PipelineUser.JSON.readTree(made.body()).at("/owner/first_token").asText();
    }

    private static String member(String owner, String organization, String address, String role) throws Exception {
        HttpResponse<String> added = post(pipeline.url(PipelineService.REPORTING)
                        .resolve("/api/admin/organizations/" + organization + "/members"),
                "{\"email\": \"%s\", \"role\": \"%s\"}".formatted(address, role), owner);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return PipelineUser.JSON.readTree(added.body()).get("first_token").asText();
    }

    private static String petition(String owner, String slug, String organization, int goal, String organizer)
            throws Exception {
        String json = petitionJson(slug, organization, "Petition " + slug, organizer).replace("\"goal\": 1000",
                "\"goal\": " + goal);
        HttpResponse<String> made = post(pipeline.url(PipelineService.REPORTING).resolve("/api/admin/petitions"),
                json, owner);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(pipeline.url(PipelineService.INTAKE)
                .resolve("/api/petitions/" + slug), null).statusCode() == 200);
        return slug;
    }

    private static String petitionJson(String slug, String organization, String title, String organizer) {
        return """
                {"slug": "%s", "title": "%s", "text": "Act now.", "targets": [{"name": "Council", "title": "Council"}],
                 "goal": 1000, "organization": "%s", "organizer_emails": [%s]}"""
                .formatted(slug, title, organization, organizer.isEmpty() ? "" : "\"" + organizer + "\"");
    }

    private static String revokedToken(String owner) throws Exception {
        URI tokens = pipeline.url(PipelineService.REPORTING).resolve("/api/admin/tokens");
        JsonNode made = PipelineUser.JSON.readTree(post(tokens, "{\"name\": \"to revoke\"}", owner).body());
        HttpResponse<String> revoked = PipelineUser.send(HttpRequest.newBuilder(tokens.resolve(
                "/api/admin/tokens/" + made.get("id").asText())).header("Authorization", "Bearer " + owner)
                .DELETE().build());
        assertThat(revoked.statusCode()).isEqualTo(204);
        return made.get("secret").asText();
    }

    /** Signs the petition once, reaching its goal of 1: its delivery report is mailed to its organizer. */
    private static String reportLinkMailedTo(String organizer, String slug) throws Exception {
        HttpResponse<String> signed = PipelineUser.send(HttpRequest.newBuilder(pipeline.url(PipelineService.INTAKE)
                        .resolve("/api/petitions/" + slug + "/signatures")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"person": {"given_name": "Ada", "family_name": "Signer",
                          "email_addresses": [{"address": "ada.signer@example.org"}],
                          "postal_addresses": [{"postal_code": "20500", "country": "US"}]},
                         "consent": {"email_updates": false}}""")).build());
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
        PipelineUser user = new PipelineUser(pipeline);
        return await().atMost(Duration.ofSeconds(60)).until(() -> user.mailOf(organizer).stream()
                .map(PipelineUser::textOf).map(REPORT_LINK::matcher).filter(Matcher::find).map(Matcher::group)
                .filter(link -> link.contains("report.csv") && !link.contains("&amp;")).findFirst().orElse(null),
                link -> link != null);
    }

    /** An access token signed with reporting's own key (read from its table) that expired an hour ago. */
    private static String expiredWithReportingsKey(Caller caller) throws Exception {
        byte[] key;
        PostgresServer postgres = pipeline.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                PreparedStatement select = connection.prepareStatement(
                        "select private_key from reporting.signing_key");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            key = rows.getBytes(1);
        }
        String kid = PipelineUser.JSON.readTree(get(pipeline.url(PipelineService.REPORTING)
                .resolve("/.well-known/jwks.json"), null).body()).at("/keys/0/kid").asText();
        return new AccessTokenMint(IdentityConfig.DEFAULT_ISSUER, kid,
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key)), Duration.ofMinutes(5))
                .tokenFor(caller, Instant.now().minus(Duration.ofHours(1)));
    }

    /** A current token naming a platform operator who owns acme, signed with a key the pipeline never published. */
    private static String forged(Caller caller) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new AccessTokenMint(IdentityConfig.DEFAULT_ISSUER, "forged", generator.generateKeyPair().getPrivate(),
                Duration.ofMinutes(5)).tokenFor(caller, Instant.now());
    }

    /** A real access token whose claims were rewritten to grant {@code role}; its signature is the original's. */
    private static String tampered(String token, String role) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) PipelineUser.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.putArray("org_roles").add(role);
        claims.putArray("groups").add("platform-operator");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                PipelineUser.JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }

    private static long deniedEntries() throws Exception {
        return count("select count(*) from reporting.audit_event where outcome = 'DENIED'");
    }

    private static long count(String sql) throws Exception {
        PostgresServer postgres = pipeline.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return PipelineUser.send(request.build());
    }

    private static HttpResponse<String> post(URI uri, String json, String token) throws Exception {
        return PipelineUser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static List<Attempt> concat(List<Attempt> first, List<Attempt> second) {
        List<Attempt> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** One admin request: which service, and what. */
    private record Attempt(URI service, String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + service.resolve(path);
        }
    }
}
