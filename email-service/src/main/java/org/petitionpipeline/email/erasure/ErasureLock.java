package org.petitionpipeline.email.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.database.Statements;

/**
 * Keeps an erasure and the recording of accepted signatures apart: a signature batch holds this transaction-level
 * advisory lock shared, an erasure exclusively. So a batch reads the tombstones once and no erasure commits until it
 * has, and an erasure sees every row a batch before it wrote. Without it a late signature recorded alongside its
 * signer's erasure could write the address back after the erasure removed it. Erasures are rare and short: batches
 * hardly ever wait.
 */
@ApplicationScoped
public class ErasureLock {

    private final Statements statements;

    public ErasureLock(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** For a transaction that records signatures; must be its first statement, before it locks any row. */
    public void holdShared() {
        statements.query("wait for erasures in progress", row -> true, "select pg_advisory_xact_lock_shared(?)",
                LockKeys.ERASURE);
    }

    /** For an erasure's transaction; waits for the signature batches in progress. */
    public void holdExclusive() {
        statements.query("wait for signature batches in progress", row -> true, "select pg_advisory_xact_lock(?)",
                LockKeys.ERASURE);
    }
}
