package org.petitionpipeline.testsupport.messages;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds the translations of a Qute message bundle to its default language's file: every shipped language's file
 * ({@code <bundle>_<language>.properties}) has every key of the default's ({@code <bundle>_en.properties}) and no key
 * it lacks, and each message names the same placeholders ({@code {title}}) as the default's. A language whose file
 * starts with the line {@code # preview} may leave keys out (Qute shows the default's message for them): it is named
 * and exempted from that one check, never from the others.
 * <p>
 * Keep the default language's wording in its file, not in {@code @Message} annotations: the file is what this reads.
 * Use from a module's unit test (Maven runs it in the module's directory):
 * <pre>{@code
 * Set<String> previews = MessageBundleCompleteness.of("msg").assertComplete();
 * }</pre>
 */
public final class MessageBundleCompleteness {

    private static final Path MESSAGES = Path.of("src", "main", "resources", "messages");
    private static final String PREVIEW_MARK = "# preview";
    // a placeholder is an expression that starts with a name; sections ({#if}, {/if}) and comments ({! !}) are not
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\p{Alpha}_][^{}]*)}");

    private final Path directory;
    private final String bundle;
    private final String defaultLanguage;

    private MessageBundleCompleteness(Path directory, String bundle, String defaultLanguage) {
        this.directory = directory;
        this.bundle = bundle;
        this.defaultLanguage = defaultLanguage;
    }

    /** The bundle {@code bundle} (the {@code @MessageBundle} value) in {@code src/main/resources/messages}. */
    public static MessageBundleCompleteness of(String bundle) {
        return of(MESSAGES, bundle, "en");
    }

    public static MessageBundleCompleteness of(Path directory, String bundle, String defaultLanguage) {
        return new MessageBundleCompleteness(directory, bundle, defaultLanguage);
    }

    /**
     * Throws an {@link AssertionError} naming every missing, extra or mismatched key of every language; prints and
     * returns the languages marked preview (whose missing keys are allowed).
     */
    public Set<String> assertComplete() {
        List<String> problems = new ArrayList<>();
        Set<String> previews = check(problems);
        if (!previews.isEmpty()) {
            System.out.println("message bundle " + bundle + ": preview languages, may lack messages: " + previews);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("message bundle " + bundle + " in " + directory + ":\n  "
                    + String.join("\n  ", problems));
        }
        return previews;
    }

    /** Adds each problem found to {@code problems}; returns the languages marked preview. */
    Set<String> check(List<String> problems) {
        Map<String, Path> files = languageFiles();
        Path defaultFile = files.remove(defaultLanguage);
        if (defaultFile == null) {
            problems.add("no " + bundle + "_" + defaultLanguage + ".properties: the default language's wording belongs"
                    + " in a file");
            return Set.of();
        }
        Map<String, String> defaults = read(defaultFile);
        Set<String> previews = new TreeSet<>();
        files.forEach((language, file) -> {
            boolean preview = isPreview(file);
            if (preview) {
                previews.add(language);
            }
            Map<String, String> translated = read(file);
            for (String key : defaults.keySet()) {
                if (!translated.containsKey(key)) {
                    if (!preview) {
                        problems.add(language + ": missing " + key);
                    }
                } else if (!placeholders(translated.get(key)).equals(placeholders(defaults.get(key)))) {
                    problems.add(language + ": " + key + " has placeholders " + placeholders(translated.get(key))
                            + ", the default " + placeholders(defaults.get(key)));
                }
            }
            translated.keySet().stream().filter(key -> !defaults.containsKey(key))
                    .forEach(key -> problems.add(language + ": " + key + " is not a key of the default language"));
        });
        return previews;
    }

    private Map<String, Path> languageFiles() {
        Pattern name = Pattern.compile(Pattern.quote(bundle) + "_([A-Za-z-_]+)\\.properties");
        try (Stream<Path> listed = Files.list(directory)) {
            Map<String, Path> files = new TreeMap<>();
            listed.forEach(file -> {
                Matcher matched = name.matcher(file.getFileName().toString());
                if (matched.matches()) {
                    files.put(matched.group(1).toLowerCase(Locale.ROOT), file);
                }
            });
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static boolean isPreview(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(line -> line.strip().toLowerCase(Locale.ROOT).startsWith(PREVIEW_MARK))
                    .orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(key -> key, properties::getProperty, (one, other) -> one, TreeMap::new));
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }
}
