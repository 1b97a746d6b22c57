package org.petitionpipeline.testsupport.configreference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentVariablesTest {

    private static final String REFERENCE = """
            # Configuration

            **Shared by every service**

            | property | environment variable | default | what it does |
            | --- | --- | --- | --- |
            | `kafka.sasl.*` | `KAFKA_SASL_MECHANISM`, `KAFKA_SASL_JAAS_CONFIG`, … | unset | login |

            ## shop-service

            | property | environment variable | default | what it does |
            | --- | --- | --- | --- |
            | `quarkus.http.port` | `QUARKUS_HTTP_PORT` | `8085` | the port |
            | `shop.report-key` | `SHOP_KEY` | none (required) | **secret** |

            ## other-service

            | `other.thing` | `OTHER_THING` | none | not this service's |
            """;

    private static final String PROPERTIES = """
            quarkus.http.port=8085
            shop.report-key=${SHOP_KEY}
            shop.limit=${SHOP_LIMIT:60}
            shop.partner-url=${SHOP_PARTNER_URL:}
            %dev.shop.dev-token=${SHOP_DEV_TOKEN}
            """;

    @TempDir
    Path directory;

    @Test
    void aServiceHasTheVariablesOfItsSectionAndOfTheSharedTable() throws IOException {
        Path reference = Files.writeString(directory.resolve("configuration.md"), REFERENCE);

        assertThat(DeploymentVariables.documented(reference, "shop-service")).containsExactlyInAnyOrder(
                "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_HTTP_PORT", "SHOP_KEY");
    }

    /* ${SHOP_PARTNER_URL:} is optional: an empty value is no value, so the property is simply unset without it. */
    @Test
    void aVariableWithoutADefaultOutsideAnyProfileIsRequired() throws IOException {
        Path properties = Files.writeString(directory.resolve("application.properties"), PROPERTIES);

        assertThat(DeploymentVariables.required(properties)).containsExactly("SHOP_KEY");
    }
}
