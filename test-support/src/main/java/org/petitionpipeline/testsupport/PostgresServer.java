package org.petitionpipeline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A real PostgreSQL: the server named by the usual Quarkus datasource environment variables when they are
 * set, otherwise an embedded PostgreSQL (real server binaries from Maven Central) started for this process.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String JDBC_URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDir;

    private PostgresServer(String jdbcUrl, String username, String password, EmbeddedPostgres embedded, Path dataDir) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.dataDir = dataDir;
    }

    /** The environment's server if it names one, else an embedded one on a free port. */
    public static PostgresServer start() {
        return start(0, null);
    }

    /**
     * The environment's server if it names one, else an embedded one on {@code port} (0 = any free one)
     * keeping its data in {@code dataDir} when given.
     */
    public static PostgresServer start(int port, Path dataDir) {
        return fromEnvironment(System.getenv()).orElseGet(() -> startEmbedded(port, dataDir));
    }

    static Optional<PostgresServer> fromEnvironment(Map<String, String> env) {
        String url = env.get(JDBC_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PostgresServer(url,
                env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""),
                null, null));
    }

    private static PostgresServer startEmbedded(int port, Path dataDir) {
        return startEmbedded(port, dataDir, true);
    }

    private static PostgresServer startEmbedded(int port, Path dataDir, boolean cleanDataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    // statement counts for the load benchmark's accounting (what each service runs per signature)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(cleanDataDir);
            }
            EmbeddedPostgres postgres = builder.start();
            return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * An embedded server that survives {@link #close()}: its data stays in {@code dataDir}, and
     * {@link #restart()} starts it again on the same port, as a database restart in production.
     */
    public static PostgresServer startRestartable(int port, Path dataDir) {
        return startEmbedded(port, dataDir, false);
    }

    /**
     * The environment's server if it names one (it cannot be restarted from here), else an embedded one that
     * can: see {@link #startRestartable}.
     */
    public static PostgresServer startRestartableUnlessConfigured(int port, Path dataDir) {
        return fromEnvironment(System.getenv()).orElseGet(() -> startRestartable(port, dataDir));
    }

    /** Deletes the data of a restartable server once it is closed for good. */
    public void deleteDataDirectory() {
        Directories.deleteRecursively(dataDir);
    }

    /** This server again, after {@link #close()}, on the same port and data (see {@link #startRestartable}). */
    public PostgresServer restart() {
        if (embedded == null || dataDir == null) {
            throw new IllegalStateException("only an embedded server started with startRestartable can restart");
        }
        return startEmbedded(embedded.getPort(), dataDir, false);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The process id of an embedded server's postmaster (the parent of every backend), from the first line of its
     * {@code postmaster.pid}; empty for a server from the environment or without a data directory of ours.
     */
    public OptionalLong postmasterPid() {
        if (embedded == null || dataDir == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException notRunning) {
            return OptionalLong.empty();
        }
    }

    /** The datasource settings a Quarkus service needs, as configuration properties. */
    public Map<String, String> quarkusDatasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
