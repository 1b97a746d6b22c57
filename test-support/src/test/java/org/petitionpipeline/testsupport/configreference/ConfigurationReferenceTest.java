package org.petitionpipeline.testsupport.configreference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationReferenceTest {

    @ConfigMapping(prefix = "shop")
    interface ShopConfig {

        String adminToken();

        @WithDefault("5s")
        Duration ackTimeout();

        Optional<List<String>> trustedProxies();

        Limits limits();

        Map<String, Provider> providers();

        interface Limits {

            @WithName("per-minute")
            int perMinuteOfOneClient();
        }

        interface Provider {

            @WithDefault("false")
            boolean ignoreDots();
        }
    }

    private static final String PROPERTIES = """
            quarkus.http.port=8085
            mp.messaging.incoming.orders.topic=orders
            %test.quarkus.log.category."kafka".level=WARN
            shop.admin-token=${SHOP_ADMIN_TOKEN}
            %test.shop.admin-token=test-token
            shop.limits.per-minute=${SHOP_LIMIT:60}
            shop.providers."gmail.com".ignore-dots=true
            """;

    private static final String COMPLETE = """
            # Configuration

            ## shop-service

            | property | environment variable | default | what it does |
            | --- | --- | --- | --- |
            | `quarkus.http.port` | `QUARKUS_HTTP_PORT` | `8085` | the port |
            | `quarkus.datasource.password` | `QUARKUS_DATASOURCE_PASSWORD` | none | **secret** |
            | `shop.admin-token` | `SHOP_ADMIN_TOKEN` | none: required | **secret** |
            | `shop.ack-timeout` | `SHOP_ACK_TIMEOUT` | `5s` | how long |
            | `shop.trusted-proxies` | `SHOP_TRUSTED_PROXIES` | none | CIDRs |
            | `shop.limits.per-minute` | `SHOP_LIMIT` | `60` | a rate |
            | `shop.providers."<domain>".ignore-dots` | `SHOP_PROVIDERS__<DOMAIN>__IGNORE_DOTS` | `true` for `gmail.com` | dots |

            ## other-service

            | `other.thing` | `OTHER_THING` | none | not this service's |
            """;

    @TempDir
    Path directory;

    private ConfigurationReference check(String reference) throws IOException {
        Path properties = Files.writeString(directory.resolve("application.properties"), PROPERTIES);
        Path markdown = Files.writeString(directory.resolve("configuration.md"), reference);
        return ConfigurationReference.of("shop-service").mappings(ShopConfig.class)
                .extensionSettings("quarkus.datasource.password").files(properties, markdown);
    }

    @Test
    void aReferenceWithARowForEverythingReadPasses() throws IOException {
        assertThatCode(() -> check(COMPLETE).assertComplete()).doesNotThrowAnyException();
    }

    @Test
    void aPropertyWithoutARowIsNamed() throws IOException {
        String withoutAckTimeout = COMPLETE.replaceAll("(?m)^\\| `shop.ack-timeout`.*\\n", "");
        assertThatThrownBy(() -> check(withoutAckTimeout).assertComplete())
                .hasMessageContaining("missing (read, but no row; add one): shop.ack-timeout");
    }

    @Test
    void aRowForSomethingNothingReadsIsNamed() throws IOException {
        String withExtraRow = COMPLETE.replace("## other-service",
                "| `shop.retired-setting` | `SHOP_RETIRED_SETTING` | none | gone |\n\n## other-service");
        assertThatThrownBy(() -> check(withExtraRow).assertComplete())
                .hasMessageContaining("not read (a row for a property nothing reads; remove it): shop.retired-setting");
    }

    @Test
    void aWrongDefaultOrVariableIsNamed() throws IOException {
        String wrong = COMPLETE.replace("| `SHOP_ACK_TIMEOUT` | `5s` |", "| `SHOP_ACK_TIMEOUT` | `10s` |")
                .replace("| `SHOP_LIMIT` |", "| `SHOP_LIMITS_PER_MINUTE` |");
        assertThatThrownBy(() -> check(wrong).assertComplete())
                .hasMessageContaining("wrong default for shop.ack-timeout: the reference says `10s`, the service has `5s`")
                .hasMessageContaining("wrong environment variable for shop.limits.per-minute: the reference says "
                        + "SHOP_LIMITS_PER_MINUTE, the service reads SHOP_LIMIT");
    }
}
