package org.petitionpipeline.testsupport.configreference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of a service's {@code application.properties} that a deployment may set, with the default each gets
 * there and the environment variable it names, if any. Profile prefixes ({@code %test.}) are dropped: a key set
 * for tests only is still a property the service reads.
 */
final class ApplicationProperties {

    /**
     * Wiring of the service itself, not settings for a deployment: Kafka channels, log levels, Dev Services, the
     * test port, the API document's texts, Flyway's schema, the database kind, the JDBC driver's log switch and the
     * mailer's mock, and which service-kit parts the service switches on (fixed at build time). Names ending in a dot
     * are prefixes. docs/configuration.md states the same list.
     */
    static final List<String> INTERNAL = List.of("mp.messaging.", "mp.openapi.", "quarkus.log.",
            "quarkus.devservices.", "quarkus.http.test-port", "quarkus.smallrye-openapi.", "quarkus.swagger-ui.",
            "quarkus.flyway.", "quarkus.datasource.db-kind", "quarkus.datasource.jdbc.additional-jdbc-properties.",
            "quarkus.mailer.mock", "kit.");

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    /** {@code ${VARIABLE}} or {@code ${VARIABLE:default}}: a value taken from the environment. */
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)(?::(.*))?}$");

    /**
     * What the file says about one property: whether it gives a value outside any profile (not {@code ${VARIABLE:}},
     * which gives none without the variable), that value's default (none for a required {@code ${VARIABLE}}) and the
     * environment variable it names.
     */
    record Setting(boolean valued, Optional<String> defaultValue, Optional<String> environmentVariable) {

        static final Setting PROFILED_ONLY = new Setting(false, Optional.empty(), Optional.empty());
    }

    private ApplicationProperties() {
    }

    static Map<String, Setting> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        Map<String, Setting> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String name = PROFILE.matcher(key).replaceFirst("");
            if (isInternal(name)) {
                continue;
            }
            boolean profiled = !name.equals(key);
            if (!profiled) {
                settings.put(name, settingOf(properties.getProperty(key).strip()));
            } else {
                settings.putIfAbsent(name, Setting.PROFILED_ONLY);
            }
        }
        return settings;
    }

    private static Setting settingOf(String value) {
        Matcher fromEnvironment = FROM_ENVIRONMENT.matcher(value);
        if (fromEnvironment.matches()) {
            String fallback = fromEnvironment.group(2);
            // ${VARIABLE:} gives no value without the variable (to SmallRye Config an empty value is none): an
            // optional setting, neither required nor defaulted
            return new Setting(fallback == null || !fallback.isEmpty(),
                    Optional.ofNullable(fallback).filter(text -> !text.isEmpty()), Optional.of(fromEnvironment.group(1)));
        }
        return new Setting(true, value.isEmpty() ? Optional.empty() : Optional.of(value), Optional.empty());
    }

    private static boolean isInternal(String name) {
        return INTERNAL.stream().anyMatch(internal -> internal.endsWith(".") ? name.startsWith(internal)
                : name.equals(internal));
    }
}
