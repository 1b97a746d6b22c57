package org.petitionpipeline.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


/** The HTTP API is described at /q/openapi and can be tried in Swagger UI, in production too. */
@QuarkusTest
class OpenApiTest {

    @Test
    void theApiIsDescribedAndSwaggerUiIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", is("reporting-service"))
                .body("paths.'/api/petitions/{slug}/total'", hasKey("get"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
