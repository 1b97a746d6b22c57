package org.petitionpipeline.email;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** The HTTP API is described at /q/openapi and can be tried in Swagger UI, in production too. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class OpenApiTest {

    @Test
    void theApiIsDescribedAndSwaggerUiIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", is("email-service"))
                .body("paths.'/api/admin/petitions/{slug}/updates'", hasKey("post"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
