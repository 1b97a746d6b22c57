package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kafka and PostgreSQL log through SLF4J; their chatter goes to a file, not the user's terminal. */
public final class InfrastructureLogging {

    private InfrastructureLogging() {
    }

    /** Must run before anything logs: slf4j-simple reads its settings once. */
    public static void toFile(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + logFile.getParent(), e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }
}
