package org.petitionpipeline.testsupport.configreference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.petitionpipeline.testsupport.configreference.ApplicationProperties.Setting;

/**
 * Holds docs/configuration.md to what a service reads: every key of its {@code application.properties} (but the
 * {@link ApplicationProperties#INTERNAL internal wiring}), every property of its {@code @ConfigMapping} interfaces,
 * and the Quarkus extension settings its test declares. Each must have a row in the service's section, and each row
 * must name something the service reads, with the environment variable and the default the service really has.
 * <p>
 * Run from a service module's directory (what Maven does), so {@code src/main/resources/application.properties} is
 * that service's file and the reference is found in a parent's {@code docs/}.
 */
public final class ConfigurationReference {

    static final Path REFERENCE = Path.of("docs", "configuration.md");

    private final String service;
    private final List<Class<?>> mappings = new ArrayList<>();
    private final Set<String> extensionSettings = new TreeSet<>();
    private Path applicationProperties = Path.of("src", "main", "resources", "application.properties");
    private Path reference;

    private ConfigurationReference(String service) {
        this.service = service;
    }

    /** The section {@code ## <service>} of the reference, for the module the test runs in. */
    public static ConfigurationReference of(String service) {
        return new ConfigurationReference(service);
    }

    public ConfigurationReference mappings(Class<?>... mappingInterfaces) {
        mappings.addAll(List.of(mappingInterfaces));
        return this;
    }

    /**
     * Settings of Quarkus extensions a deployment is expected to set although {@code application.properties} leaves
     * them unset (a database password, DKIM keys): the service reads them through the extension.
     */
    public ConfigurationReference extensionSettings(String... names) {
        extensionSettings.addAll(List.of(names));
        return this;
    }

    ConfigurationReference files(Path applicationProperties, Path reference) {
        this.applicationProperties = applicationProperties;
        this.reference = reference;
        return this;
    }

    /** Throws an {@link AssertionError} naming every difference between the reference and what is read. */
    public void assertComplete() {
        Path referenceFile = reference != null ? reference : findReference();
        Map<String, Setting> fromFile = ApplicationProperties.read(applicationProperties);
        Map<String, Optional<String>> fromMappings = new TreeMap<>();
        mappings.forEach(mapping -> fromMappings.putAll(MappedProperties.of(mapping)));
        Map<String, ReferenceTable.Row> documented = ReferenceTable.read(referenceFile, service);

        Set<String> read = new TreeSet<>(fromMappings.keySet());
        read.addAll(extensionSettings);
        fromFile.keySet().forEach(key -> read.add(patternOf(key, fromMappings.keySet())));

        List<String> problems = new ArrayList<>();
        read.stream().filter(name -> !documented.containsKey(name))
                .forEach(name -> problems.add("missing (read, but no row; add one): " + name));
        documented.forEach((name, row) -> {
            if (!read.contains(name)) {
                problems.add("not read (a row for a property nothing reads; remove it): " + row.name());
            } else {
                checkEnvironmentVariable(row, fromFile.get(name)).ifPresent(problems::add);
                if (!PropertyName.isPattern(name) && !extensionSettings.contains(name)) {
                    checkDefault(row, fromFile.get(name), fromMappings.getOrDefault(name, Optional.empty()))
                            .ifPresent(problems::add);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError(referenceFile + " (## " + service + ") does not match what " + service
                    + " reads:\n  " + String.join("\n  ", problems));
        }
    }

    /** A key of the file that is an entry of a mapped map is that map's pattern. */
    private static String patternOf(String key, Set<String> mapped) {
        return mapped.stream().filter(pattern -> PropertyName.isPattern(pattern) && PropertyName.matches(key, pattern))
                .findFirst().orElse(key);
    }

    private static Optional<String> checkEnvironmentVariable(ReferenceTable.Row row, Setting setting) {
        String expected = Optional.ofNullable(setting).flatMap(Setting::environmentVariable)
                .orElse(PropertyName.environmentVariable(row.name()));
        return row.environmentVariable().filter(expected::equals).isPresent() ? Optional.empty()
                : Optional.of("wrong environment variable for " + row.name() + ": the reference says "
                        + row.environmentVariable().orElse("nothing") + ", the service reads " + expected);
    }

    /** The file's value outside any profile wins over the mapping's default, as it does when the service runs. */
    private static Optional<String> checkDefault(ReferenceTable.Row row, Setting setting,
            Optional<String> mappingDefault) {
        Optional<String> expected = setting != null && setting.valued() ? setting.defaultValue() : mappingDefault;
        return row.defaultValue().equals(expected) ? Optional.empty()
                : Optional.of("wrong default for " + row.name() + ": the reference says "
                        + row.defaultValue().map(value -> "`" + value + "`").orElse("none") + ", the service has "
                        + expected.map(value -> "`" + value + "`").orElse("none"));
    }

    private static Path findReference() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve(REFERENCE))) {
                return directory.resolve(REFERENCE);
            }
        }
        throw new AssertionError("no " + REFERENCE + " in " + Path.of("").toAbsolutePath() + " or above");
    }
}
