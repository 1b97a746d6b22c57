package org.petitionpipeline.dedup.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.petitionpipeline.dedup.config.DedupConfig;

/**
 * Domains that hand out throw-away inboxes: a signature from one counts no person anyone can reach, and
 * organizers cannot deliver it as one. The list ships as {@code disposable-domains.txt}; a longer one (such
 * as the CC0 disposable-email-domains list) can replace it through {@code dedup.disposable-domains-file}.
 * Subdomains count: {@code x.mailinator.com} is Mailinator.
 */
@Startup
@ApplicationScoped
public class DisposableDomains {

    private static final String SHIPPED = "/disposable-domains.txt";

    private final Set<String> domains;

    public DisposableDomains(DedupConfig config) {
        this.domains = config.disposableDomainsFile().map(DisposableDomains::read).orElseGet(DisposableDomains::shipped);
    }

    public boolean isDisposable(String canonicalEmail) {
        String domain = canonicalEmail.substring(canonicalEmail.lastIndexOf('@') + 1);
        for (int dot = -1; ; dot = domain.indexOf('.', dot + 1)) {
            if (domains.contains(domain.substring(dot + 1))) {
                return true;
            }
            if (domain.indexOf('.', dot + 1) < 0) {
                return false;
            }
        }
    }

    private static Set<String> shipped() {
        try (InputStream list = DisposableDomains.class.getResourceAsStream(SHIPPED)) {
            return parse(new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SHIPPED, e);
        }
    }

    private static Set<String> read(Path file) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the disposable domains in " + file, e);
        }
    }

    private static Set<String> parse(BufferedReader lines) {
        return lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
