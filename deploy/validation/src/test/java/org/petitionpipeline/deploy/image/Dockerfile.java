package org.petitionpipeline.deploy.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petitionpipeline.deploy.Repository;

/**
 * The instructions of a Dockerfile, as far as the checks need them: line continuations joined, comments dropped,
 * {@code ENV} values unquoted. Build arguments are not substituted: the checked instructions use none.
 */
public record Dockerfile(List<Instruction> instructions) {

    /** The one image definition of the four services. */
    public static final Path SERVICES = Repository.file("deploy/image/Dockerfile.jvm");

    /** One instruction: its keyword, upper case, and the rest of its line. */
    public record Instruction(String keyword, String arguments) {
    }

    /** A {@code COPY}: the sources and the destination, without {@code --chown} and the like. */
    public record Copy(List<String> sources, String destination) {
    }

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)");

    public static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                pending.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(stripped).toString();
            pending.setLength(0);
            String[] parts = whole.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
        }
        return new Dockerfile(instructions);
    }

    public List<String> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments).toList();
    }

    /** The last one counts, as in a build. */
    public Optional<String> last(String keyword) {
        List<String> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    public List<Copy> copies() {
        return all("COPY").stream().map(Dockerfile::copyOf).toList();
    }

    /** Every {@code ENV} in {@code KEY=value} form, later ones winning. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String arguments : all("ENV")) {
            Matcher pair = ENV_PAIR.matcher(arguments);
            while (pair.find()) {
                environment.put(pair.group(1), unquoted(pair.group(2)));
            }
        }
        return environment;
    }

    private static Copy copyOf(String arguments) {
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        words.removeIf(word -> word.startsWith("--"));
        return new Copy(List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1));
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
