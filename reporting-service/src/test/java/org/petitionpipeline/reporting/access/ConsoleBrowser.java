package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser does with the consoles' forms: load the page, send its hidden CSRF token back with the form. */
public final class ConsoleBrowser {

    private static final Pattern SESSION_FORM = Pattern.compile("/console/account/sessions/([0-9a-f-]{36})/revoke");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleBrowser() {
    }

    /** A login form as loaded: its double-submit cookie and the same token in its hidden field. */
    public record LoginForm(String cookie, String field) {

        public RequestSpecification post() {
            return given().redirects().follow(false).contentType(ContentType.URLENC)
                    .cookie(ConsoleLoginResource.LOGIN_CSRF_COOKIE, cookie).formParam(ConsoleCsrfFilter.FIELD, field);
        }
    }

    public static LoginForm loginForm() {
        Response page = given().get("/console/login");
        return new LoginForm(page.cookie(ConsoleLoginResource.LOGIN_CSRF_COOKIE), csrfIn(page.asString()));
    }

    /** Logs in with a deployment token through the form and returns the session cookie's value. */
    public static String logIn(String token) {
        return loginForm().post().formParam("token", token).post("/console/login").then().statusCode(303)
                .extract().cookie(ConsoleSessions.COOKIE);
    }

    /**
     * Logs in with a password, from an address of its own (the test client is a trusted proxy on loopback), so
     * that tests do not share the per-address login limit.
     */
    public static String logIn(String email, String password) {
        return passwordLogin(email, password, randomAddress()).then().statusCode(303).extract()
                .cookie(ConsoleSessions.COOKIE);
    }

    public static Response passwordLogin(String email, String password, String clientAddress) {
        return loginForm().post().header("X-Forwarded-For", clientAddress).formParam("email", email)
                .formParam("password", password).post("/console/login");
    }

    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The session's CSRF token, as the logout form of every console page carries it. */
    public static String csrfOf(String session, String page) {
        return csrfIn(given().cookie(ConsoleSessions.COOKIE, session).get(page).then().statusCode(200).extract()
                .asString());
    }

    /** Sends a console form as its page would: with the session's cookie and its CSRF token. */
    public static Response submit(String session, String path, Map<String, String> fields) {
        String page = path.startsWith("/ops") ? "/ops" : "/console";
        return given().redirects().follow(false).contentType(ContentType.URLENC).accept("text/html")
                .cookie(ConsoleSessions.COOKIE, session).formParams(fields)
                .formParam(ConsoleCsrfFilter.FIELD, csrfOf(session, page)).post(path);
    }

    /** The id of a session listed on the account page: the page's own, or another one. */
    public static String sessionOnAccountPage(String session, boolean thisOne) {
        String page = given().cookie(ConsoleSessions.COOKIE, session).get("/console/account").then().statusCode(200)
                .extract().asString();
        for (String row : page.split("<tr>")) {
            Matcher form = SESSION_FORM.matcher(row);
            if (form.find() && row.contains("(this one)") == thisOne) {
                return form.group(1);
            }
        }
        throw new AssertionError("no such session on the account page:\n" + page);
    }

    private static String csrfIn(String page) {
        Matcher found = CSRF.matcher(page);
        if (!found.find()) {
            throw new AssertionError("the page has no form with a CSRF token:\n" + page);
        }
        return found.group(1);
    }
}
