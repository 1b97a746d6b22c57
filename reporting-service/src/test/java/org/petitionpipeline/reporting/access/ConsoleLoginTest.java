package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.config.MovableClock;

/** A person's console login: a password, a session in the database, and the limits on guessing. */
@QuarkusTest
class ConsoleLoginTest {

    @Inject
    DataSource dataSource;

    @Inject
    ConsoleSessionCleanup cleanup;

    @Inject
    ConsoleSessions sessions;

    private final MovableClock clock = new MovableClock();
    private final List<String> logged = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord entry) {
            logged.add(entry.getMessage() + " " + (entry.getParameters() == null ? "" : List.of(entry.getParameters()))
                    + " " + (entry.getThrown() == null ? "" : entry.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void controlTheClockAndReadTheLog() {
        QuarkusMock.installMockForType(clock, Clock.class);
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void stopReadingTheLog() {
        Logger.getLogger("").removeHandler(logCapture);
    }

    @Test
    void aPasswordOpensAStrictHttpOnlyCookieSecureOverHttpsAndOnlyItsArgon2idHashIsStored() {
        Person ann = ConsolePeople.owner("login");

        Response plain = ConsoleBrowser.passwordLogin(ann.email(), ann.password(), ConsoleBrowser.randomAddress());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.header("Location")).endsWith("/console");
        assertThat(plain.header("Set-Cookie")).startsWith(ConsoleSessions.COOKIE + "=")
                .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200").doesNotContain("Secure");
        Response overTls = ConsoleBrowser.loginForm().post().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", ConsoleBrowser.randomAddress()).formParam("email", ann.email())
                .formParam("password", ann.password()).post("/console/login");
        assertThat(overTls.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Strict");

        String session = plain.cookie(ConsoleSessions.COOKIE);
        given().cookie(ConsoleSessions.COOKIE, session).get("/console").then().statusCode(200);
        assertThat(column("select password_hash from reporting.account where email = ?", ann.email()))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(ann.password());
        assertThat(column("select encode(secret_hash, 'base64') from reporting.console_session"
                + " where account_id = (select id from reporting.account where email = ?) limit 1", ann.email()))
                .isNotEqualTo(session);
        assertThat(column("select string_agg(coalesce(detail::text, '') || target, ' ') from reporting.audit_event"
                + " where actor_label = ? and action = 'login.success'", ann.email())).startsWith("{\"with\": "
                + "\"password\"}session:");
        assertThat(logged).noneMatch(line -> line.contains(ann.password()));
    }

    @Test
    void withoutSingleSignOnConfiguredThePageOffersNone() {
        assertThat(given().get("/console/login").then().statusCode(200).extract().asString())
                .doesNotContain("/console/sso/login");
        given().redirects().follow(false).get("/console/sso/login").then().statusCode(401);
    }

    @Test
    void aPasswordMustBeTwelveToOneHundredTwentyEightCharacters() {
        Person ann = ConsolePeople.owner("pwrule");
        for (String password : new String[] {"eleven char", "x".repeat(129)}) {
            given().header("Authorization", "Bearer " + ann.token()).contentType("application/json")
                    .body(Map.of("password", password)).post("/api/admin/account/password").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.password", equalTo(
                            "between 12 and 128 characters; a few unrelated words make a good one"));
        }
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body(Map.of("password", "a password for nobody")).post("/api/admin/account/password").then()
                .statusCode(403);
    }

    @Test
    void loggingOutEndsTheSessionAtOnceAndTheOldCookieIsRefused() {
        Person ann = ConsolePeople.owner("logout");
        String session = ann.logIn();
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/admin/organizations").then().statusCode(200);

        ConsoleBrowser.submit(session, "/console/logout", Map.of()).then().statusCode(303);

        given().cookie(ConsoleSessions.COOKIE, session).accept("text/html").get("/console").then().statusCode(401);
        given().cookie(ConsoleSessions.COOKIE, session).get("/api/admin/organizations").then().statusCode(401);
        assertThat(column("select string_agg(action, ',' order by id) from reporting.audit_event where actor_label = ?",
                ann.email())).endsWith("login.success,logout");
    }

    @Test
    void endedSessionsAndTheirAddressesAreDeletedAndLiveOnesStay() {
        Person ann = ConsolePeople.owner("cleanup");
        String ended = ann.logIn();
        ConsoleBrowser.submit(ended, "/console/logout", Map.of()).then().statusCode(303);
        String live = ann.logIn();
        String count = "select count(*)::text from reporting.console_session s join reporting.account a"
                + " on a.id = s.account_id where a.email = ?";
        assertThat(column(count, ann.email())).isEqualTo("2");

        clock.set(clock.instant().plusSeconds(1));
        cleanup.forgetEndedSessions();

        assertThat(column(count, ann.email())).isEqualTo("1");
        given().cookie(ConsoleSessions.COOKIE, live).get("/api/admin/organizations").then().statusCode(200);
        clock.set(clock.instant().plus(sessions.lifetime()).plusSeconds(1));
        cleanup.forgetEndedSessions();
        assertThat(column(count, ann.email())).isEqualTo("0");
    }

    @Test
    void aNewPasswordEndsTheOtherSessions() {
        Person ann = ConsolePeople.owner("newpw");
        String session = ann.logIn();
        given().header("Authorization", "Bearer " + ann.token()).contentType("application/json")
                .body(Map.of("password", "another long password")).post("/api/admin/account/password").then()
                .statusCode(204);
        given().cookie(ConsoleSessions.COOKIE, session).accept("text/html").get("/console").then().statusCode(401);
        ConsoleBrowser.logIn(ann.email(), "another long password");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAMinuteEvenAgainstTheRightOne() {
        Person ann = ConsolePeople.owner("lockout");
        for (int attempt = 1; attempt <= 5; attempt++) {
            refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), "not the password", ConsoleBrowser.randomAddress()));
        }
        refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), ann.password(), ConsoleBrowser.randomAddress()));

        clock.advance(Duration.ofSeconds(59));
        refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), ann.password(), ConsoleBrowser.randomAddress()));
        clock.advance(Duration.ofSeconds(2));
        ann.logIn();

        // the success starts the count again: four more failures lock nothing
        for (int attempt = 1; attempt <= 4; attempt++) {
            refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), "not the password", ConsoleBrowser.randomAddress()));
        }
        ann.logIn();
        assertThat(column("select detail->>'reason' from reporting.audit_event"
                + " where actor_label = ? and action = 'login.failure' order by id offset 5 limit 1", ann.email()))
                .isEqualTo("locked");
    }

    @Test
    void aLockDoublesWithEachFurtherFailureUpToAnHour() {
        Person ann = ConsolePeople.owner("doubling");
        for (int attempt = 1; attempt <= 5; attempt++) {
            refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), "not the password", ConsoleBrowser.randomAddress()));
        }
        clock.advance(Duration.ofSeconds(61));
        refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), "still not it", ConsoleBrowser.randomAddress()));
        clock.advance(Duration.ofSeconds(119));
        refusedAsWrong(ConsoleBrowser.passwordLogin(ann.email(), ann.password(), ConsoleBrowser.randomAddress()));
        clock.advance(Duration.ofSeconds(2));
        ann.logIn();
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNothingTypedIsKept() {
        Person ann = ConsolePeople.owner("unknown");
        String unknown = "nobody-" + UUID.randomUUID() + "@nowhere.example";
        Response wrongPassword = ConsoleBrowser.passwordLogin(ann.email(), "not the password",
                ConsoleBrowser.randomAddress());
        String address = ConsoleBrowser.randomAddress();
        Response noAccount = ConsoleBrowser.passwordLogin(unknown, "not the password", address);

        refusedAsWrong(noAccount);
        assertThat(withoutFormTokens(noAccount)).isEqualTo(withoutFormTokens(wrongPassword));
        assertThat(column("select count(*)::text from reporting.audit_event where detail::text like ?"
                + " or target like ? or actor_label like ?", "%nowhere%", "%nowhere%", "%nowhere%")).isEqualTo("0");
        assertThat(column("select actor_label || ' ' || coalesce(target, '-') from reporting.audit_event"
                + " where action = 'login.failure' and client_address = ?", address)).isEqualTo("unknown -");
    }

    @Test
    void oneClientAddressMayTryTenTimesThenWaits() {
        String address = ConsoleBrowser.randomAddress();
        for (int attempt = 1; attempt <= 10; attempt++) {
            refusedAsWrong(ConsoleBrowser.passwordLogin("nobody@nowhere.example", "guess " + attempt, address));
        }
        Response throttled = ConsoleBrowser.passwordLogin("nobody@nowhere.example", "guess 11", address);
        assertThat(throttled.statusCode()).isEqualTo(429);
        // five a minute: one more in twelve seconds at most
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 12);
        assertThat(throttled.asString()).contains(ConsoleLoginResource.TOO_MANY);
        // another address is not held back
        refusedAsWrong(ConsoleBrowser.passwordLogin("nobody@nowhere.example", "guess", ConsoleBrowser.randomAddress()));
    }

    private static void refusedAsWrong(Response login) {
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.cookie(ConsoleSessions.COOKIE)).isNull();
        assertThat(login.asString()).contains(ConsoleLoginResource.WRONG_PASSWORD);
    }

    private static String withoutFormTokens(Response page) {
        return page.asString().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    private String column(String sql, Object... parameters) {
        return new Statements(dataSource).query("read for the test", row -> row.getString(1), sql, parameters).get(0);
    }
}
