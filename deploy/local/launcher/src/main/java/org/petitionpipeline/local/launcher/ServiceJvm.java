package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK that runs the services and what it keeps from a training run: {@code 17}, {@code 17-cds}, {@code 25},
 * {@code 25-aot} (the feature release, and an archive made on the first start, see {@link StartupCache}).
 *
 * @param name     as the benchmark and the docs name it
 * @param javaHome the JDK's home
 * @param release  the JDK's version, e.g. {@code 25.0.3}: an archive is valid only for the JDK that made it
 * @param archive  what the services keep from their first run
 */
public record ServiceJvm(String name, Path javaHome, String release, StartupArchive archive) {

    /** Where Debian and Ubuntu install JDKs, the launcher's own aside. */
    private static final Path INSTALLED_JDKS = Path.of("/usr/lib/jvm");
    private static final Pattern NAME = Pattern.compile("(\\d+)(?:-(cds|aot))?");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final int FIRST_WITH_AOT_CACHE_OUTPUT = 25;

    /** The launcher's own JDK, no archive: the services exactly as the tests run them. */
    public static ServiceJvm launchers() {
        Path home = Path.of(System.getProperty("java.home"));
        return new ServiceJvm(Integer.toString(Runtime.version().feature()), home, release(home), StartupArchive.NONE);
    }

    /**
     * What {@code ./run-local.sh} runs the services on: {@code PIPELINE_SERVICE_JVM} if set (e.g. {@code 17} to run
     * them as the tests do), else JDK 25 or newer with its AOT cache (the launcher's own, or a JDK 25 installed beside
     * it), else the launcher's own JDK as it is. Only the AOT cache made the first seconds after a cold start faster;
     * an AppCDS archive on JDK 17 shortened the start alone (docs/benchmarks/warm-up.md).
     */
    public static ServiceJvm forLocalRun(Map<String, String> environment) {
        String chosen = environment.get("PIPELINE_SERVICE_JVM");
        if (chosen != null && !chosen.isBlank()) {
            return named(chosen.strip());
        }
        int own = Runtime.version().feature();
        if (own >= FIRST_WITH_AOT_CACHE_OUTPUT) {
            return named(own + "-aot");
        }
        if (find(FIRST_WITH_AOT_CACHE_OUTPUT).isPresent()) {
            return named(FIRST_WITH_AOT_CACHE_OUTPUT + "-aot");
        }
        return launchers();
    }

    /** {@code 17}, {@code 17-cds}, {@code 25}, {@code 25-aot}: that feature release, found beside the launcher's. */
    public static ServiceJvm named(String name) {
        Matcher parts = NAME.matcher(name);
        if (!parts.matches()) {
            throw new IllegalArgumentException("'" + name + "' is no JVM option: use 17, 17-cds, 25 or 25-aot");
        }
        int feature = Integer.parseInt(parts.group(1));
        StartupArchive archive = parts.group(2) == null ? StartupArchive.NONE
                : StartupArchive.valueOf(parts.group(2).toUpperCase(Locale.ROOT));
        if (archive == StartupArchive.AOT && feature < FIRST_WITH_AOT_CACHE_OUTPUT) {
            throw new IllegalArgumentException("the AOT cache needs JDK " + FIRST_WITH_AOT_CACHE_OUTPUT
                    + " or newer; JDK " + feature + " has class-data sharing: " + feature + "-cds");
        }
        Path home = find(feature).orElseThrow(() -> new IllegalArgumentException("no JDK " + feature
                + " found: neither the launcher's own nor one in " + INSTALLED_JDKS));
        return new ServiceJvm(name, home, release(home), archive);
    }

    public Path java() {
        return javaHome.resolve("bin/java");
    }

    private static Optional<Path> find(int feature) {
        Path own = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() == feature) {
            return Optional.of(own);
        }
        if (!Files.isDirectory(INSTALLED_JDKS)) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(INSTALLED_JDKS)) {
            return jdks.filter(home -> Files.isRegularFile(home.resolve("release"))
                            && Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> release(home).equals(Integer.toString(feature))
                            || release(home).startsWith(feature + "."))
                    .sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("could not look for JDKs in " + INSTALLED_JDKS, e);
        }
    }

    /** {@code JAVA_VERSION} from the JDK's {@code release} file, e.g. {@code 25.0.3}. */
    private static String release(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? version.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
