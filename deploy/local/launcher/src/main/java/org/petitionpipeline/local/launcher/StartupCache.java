package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The archives ({@link StartupArchive}) the services start from, one per service, kept across runs in one
 * directory. With none yet for the packaged service and the JDK, the first instance's run is the training run: its
 * JVM writes the archive when it stops. A new build or another JDK makes a new name, so a stale archive is never
 * used (the JVM would refuse it anyway, silently) and is deleted when its successor is recorded.
 */
final class StartupCache {

    private final Path directory;
    private final Path home;
    private final ServiceJvm jvm;

    StartupCache(Path directory, Path home, ServiceJvm jvm) {
        this.directory = directory;
        this.home = home;
        this.jvm = jvm;
    }

    /**
     * JVM options for an instance of {@code service}: use the archive if there is one; else the first instance
     * records it (the others of a balanced run start without, rather than write the same file at once).
     */
    List<String> options(PipelineService service, int index) {
        if (jvm.archive() == StartupArchive.NONE) {
            return List.of();
        }
        Path archive = archive(service);
        if (isRecorded(archive)) {
            return List.of(jvm.archive().useOption() + archive);
        }
        if (index > 0) {
            return List.of();
        }
        deleteArchivesOf(service);
        return List.of(jvm.archive().recordOption() + archive);
    }

    /** For the progress line: the JDK and whether the services start from their archives or record them now. */
    String describe(Set<PipelineService> services) {
        String jdk = " on JDK " + jvm.release();
        if (jvm.archive() == StartupArchive.NONE) {
            return jdk;
        }
        String archive = jvm.archive().label();
        return services.stream().allMatch(service -> isRecorded(archive(service)))
                ? jdk + ", from their " + archive
                : jdk + ", recording their " + archive + " (written as they stop, in " + directory
                        + "; they start from it next time)";
    }

    /**
     * Whether the archive was written whole: a JVM stopped while it assembled its AOT cache (on a busy machine, past the
     * launcher's grace) leaves the file empty, and a start from it would be a cold start that never records again.
     */
    private static boolean isRecorded(Path archive) {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The archive for this build of the service on this JDK, whether or not it was recorded yet. */
    Path archive(PipelineService service) {
        return directory.resolve(service.module() + "-" + fingerprint(service) + jvm.archive().suffix());
    }

    /** The JDK's version and every file of the packaged app, by name, size and time: what a new build changes. */
    private String fingerprint(PipelineService service) {
        Path app = service.runnableJar(home).getParent();
        try (Stream<Path> files = Files.walk(app)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(jvm.release().getBytes(StandardCharsets.UTF_8));
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((app.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the packaged " + service.module() + " in " + app, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void deleteArchivesOf(PipelineService service) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> archives = Files.list(directory)) {
                for (Path stale : archives.filter(file -> file.getFileName().toString()
                        .startsWith(service.module() + "-")).toList()) {
                    Files.delete(stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + directory + " for a new archive", e);
        }
    }
}
