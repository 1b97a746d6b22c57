package org.petitionpipeline.reporting.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;

/** The embed widget reads the public total from partners' pages; nothing else here is readable cross-origin. */
@QuarkusTest
class PublicTotalCorsTest {

    @Test
    void anyPageMayReadThePublicTotalEvenWhenItIsUnchanged() {
        PetitionCatalogTest.createPetition("cors-total-test");
        String entityTag = given().header("Origin", "https://news.example").get("/api/petitions/cors-total-test/total")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .extract().header("ETag");
        given().header("Origin", "https://news.example").header("If-None-Match", entityTag)
                .get("/api/petitions/cors-total-test/total")
                .then().statusCode(304).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void theOrganizerApiStaysSameOrigin() {
        given().header("Origin", "https://news.example").get("/api/admin/petitions")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://news.example").get("/api/admin/petitions/cors-total-test/stats")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
