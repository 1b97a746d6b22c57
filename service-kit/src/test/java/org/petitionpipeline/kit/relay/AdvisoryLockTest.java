package org.petitionpipeline.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

/** Against a real PostgreSQL: the lock is one holder's at a time, waited for inside the database. */
class AdvisoryLockTest {

    private static PostgresServer postgres;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        postgres = PostgresServer.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @Test
    void aSecondInstanceDoesNotGetTheLockWhileTheFirstHoldsIt() {
        AdvisoryLock first = new AdvisoryLock(dataSource, 101);
        AdvisoryLock second = new AdvisoryLock(dataSource, 101);
        try (AdvisoryLock.Held held = first.tryAcquire().orElseThrow()) {
            assertThat(second.tryAcquire()).isEmpty();
            assertThat(second.acquire(Duration.ofMillis(300))).isEmpty();
        }
        Optional<AdvisoryLock.Held> afterRelease = second.tryAcquire();
        assertThat(afterRelease).isPresent();
        afterRelease.get().close();
    }

    @Test
    void aWaiterGetsTheLockWhenTheHolderLetsGo() throws Exception {
        AdvisoryLock holder = new AdvisoryLock(dataSource, 102);
        AdvisoryLock waiter = new AdvisoryLock(dataSource, 102);
        AdvisoryLock.Held held = holder.tryAcquire().orElseThrow();
        CompletableFuture<Optional<AdvisoryLock.Held>> waiting =
                CompletableFuture.supplyAsync(() -> waiter.acquire(Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertThat(waiting).isNotDone();

        held.close();

        Optional<AdvisoryLock.Held> handedOver = waiting.get(30, TimeUnit.SECONDS);
        assertThat(handedOver).isPresent();
        assertThat(holder.tryAcquire()).isEmpty();
        handedOver.get().close();
    }

    /** As a pool would: the connection the lock closes goes on to serve the next borrower. */
    @Test
    void aConnectionThatTimedOutWaitingIsHandedBackWithoutALockTimeout() throws SQLException {
        try (Connection pooled = dataSource.getConnection();
                AdvisoryLock.Held held = new AdvisoryLock(dataSource, 103).tryAcquire().orElseThrow()) {
            assertThat(new AdvisoryLock(lending(pooled), 103).acquire(Duration.ofMillis(100))).isEmpty();
            try (Statement show = pooled.createStatement(); ResultSet timeout = show.executeQuery("show lock_timeout")) {
                timeout.next();
                assertThat(timeout.getString(1)).isEqualTo("0");
            }
        }
    }

    /** A data source that lends {@code connection} and ignores its borrowers' {@code close()}. */
    private static DataSource lending(Connection connection) {
        Connection uncloseable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return uncloseable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
