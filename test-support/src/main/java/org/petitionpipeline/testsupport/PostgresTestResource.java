package org.petitionpipeline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Gives a {@code @QuarkusTest} a real PostgreSQL (see {@link PostgresServer} for which one). */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile PostgresServer postgres;

    /** Stops the database under the running app, for tests of what a service does when it is gone. */
    public static void stopDatabase() {
        postgres.close();
    }

    /** Starts the stopped database again on the same port and data. */
    public static void restartDatabase() {
        postgres = postgres.restart();
    }

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.fromEnvironment(System.getenv()).orElseGet(() -> {
            try {
                return PostgresServer.startRestartable(FreePorts.next(), Files.createTempDirectory("postgres-test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return postgres.quarkusDatasourceConfig();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
            postgres.deleteDataDirectory();
        }
    }
}
