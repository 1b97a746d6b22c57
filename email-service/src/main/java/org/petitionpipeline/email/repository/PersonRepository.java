package org.petitionpipeline.email.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;

@ApplicationScoped
public class PersonRepository {

    // DISTINCT ON: one statement may not update the same row twice, and a batch can hold a person twice
    private static final String UPSERT = """
            insert into email.person (email_hash, email, created_at, updated_at)
            select distinct on (hash) hash, email, now(), now() from unnest(?::text[], ?::text[]) as b(hash, email)
            on conflict (email_hash) do update set email = excluded.email, updated_at = excluded.updated_at""";

    /*
     * A consent re-subscribes someone who unsubscribed only when it was given after the unsubscribe: a
     * consent still in consumer lag must not undo a newer unsubscribe. Bounced or complained: never.
     */
    private static final String SUBSCRIBE = """
            update email.person p
            set subscription_status = 'SUBSCRIBED', status_changed_at = c.given_at, updated_at = now()
            from unnest(?::text[], ?::timestamptz[]) as c(hash, given_at)
            where p.email_hash = c.hash
              and (p.subscription_status is null
                   or (p.subscription_status = 'UNSUBSCRIBED' and p.status_changed_at < c.given_at))
            returning p.email_hash""";

    private static final String UNSUBSCRIBE = """
            update email.person set subscription_status = 'UNSUBSCRIBED', status_changed_at = now(), updated_at = now()
            where email_hash = ? and subscription_status is distinct from 'UNSUBSCRIBED'""";

    private final DataSource dataSource;

    public PersonRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsertSigners(List<AcceptedSignature> signatures) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setArray(1, Columns.of(connection, "text", signatures, AcceptedSignature::emailHash));
            upsert.setArray(2, Columns.of(connection, "text", signatures, s -> s.signer().email()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + signatures.size() + " signers", e);
        }
    }

    /**
     * Subscribes these people (hash to when they consented) where their status allows it; returns the hashes
     * whose status changed.
     */
    public List<String> subscribe(Map<String, Instant> consentedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(SUBSCRIBE)) {
            update.setArray(1, Columns.of(connection, "text", consentedAt.entrySet(), Map.Entry::getKey));
            update.setArray(2, Columns.of(connection, "timestamptz", consentedAt.entrySet(),
                    entry -> Timestamp.from(entry.getValue())));
            List<String> changed = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    changed.add(rows.getString(1));
                }
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not subscribe " + consentedAt.size() + " people", e);
        }
    }

    /** True when this changed the person's status (false: unknown person, or already unsubscribed). */
    public boolean unsubscribe(String emailHash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(UNSUBSCRIBE)) {
            update.setString(1, emailHash);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not unsubscribe " + emailHash, e);
        }
    }
}
