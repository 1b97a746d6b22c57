package org.petitionpipeline.reporting.access;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

/** People with accounts and passwords, made through the admin API as an operator and owners would. */
public final class ConsolePeople {

    private ConsolePeople() {
    }

    /** @param token their first API token */
    public record Person(String email, String token, String password) {

        public String logIn() {
            return ConsoleBrowser.logIn(email, password);
        }
    }

    /** A new organization of that slug (made unique) and its owner, who has set a password. */
    public static Person owner(String organizationPrefix) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String organization = organizationPrefix + "-" + run;
        String email = "owner-" + run + "@" + organizationPrefix + ".example";
        String token = given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json")
                .body("{\"slug\": \"%s\", \"name\": \"Org %s\", \"owner_email\": \"%s\"}".formatted(organization,
                        organization, email))
                .post("/api/admin/organizations").then().statusCode(201).extract().path("owner.first_token");
        return withPassword(email, token);
    }

    /** The organization the person owns, as {@link #owner} made it. */
    public static String organizationOf(Person owner) {
        return given().header("Authorization", "Bearer " + owner.token()).get("/api/admin/organizations").then()
                .statusCode(200).extract().path("[0].slug");
    }

    /** A new person with {@code role} in the owner's organization, who has set a password. */
    public static Person member(Person owner, String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@people.example";
        String token = given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body("{\"email\": \"%s\", \"role\": \"%s\"}".formatted(email, role))
                .post("/api/admin/organizations/" + organizationOf(owner) + "/members").then().statusCode(201)
                .extract().path("first_token");
        return withPassword(email, token);
    }

    private static Person withPassword(String email, String token) {
        String password = "correct horse " + UUID.randomUUID();
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"password\": \"" + password + "\"}").post("/api/admin/account/password").then()
                .statusCode(204);
        return new Person(email, token, password);
    }
}
