package org.petitionpipeline.email.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.database.Columns;
import org.petitionpipeline.email.i18n.SignerWording;

@ApplicationScoped
public class PersonRepository {

    /*
     * DISTINCT ON: one statement may not update the same row twice, and a batch can hold a person twice (the last of
     * theirs in the batch wins). An erased
     * person's signature gets here only when accepted after the erasure (ErasedPeople holds the others back): they
     * signed anew, with their address, and are mailed again. The language of their latest signature is the one mail
     * about no signature in particular (organizer updates) is written in.
     */
    private static final String UPSERT = """
            insert into email.person (email_hash, email, language, created_at, updated_at)
            select distinct on (hash) hash, email, lang, now(), now()
            from unnest(?::text[], ?::text[], ?::text[]) with ordinality as b(hash, email, lang, n)
            order by hash, n desc
            on conflict (email_hash) do update
                set email = excluded.email, language = excluded.language, erased_at = null,
                    updated_at = excluded.updated_at""";

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

    private static final String CHANGE_STATUS = """
            update email.person set subscription_status = ?, status_changed_at = ?, updated_at = now()
            where email_hash = ? and (subscription_status is null or subscription_status = any(?::text[]))""";

    // person.email is stored lower-cased; the index on lower(email) serves this lookup
    private static final String HASH_BY_EMAIL = "select email_hash from email.person where lower(email) = lower(?)";

    private final DataSource dataSource;

    public PersonRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsertSigners(List<AcceptedSignature> signatures) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setArray(1, Columns.of(connection, "text", signatures, AcceptedSignature::emailHash));
            upsert.setArray(2, Columns.of(connection, "text", signatures, s -> s.signer().email()));
            upsert.setArray(3, Columns.of(connection, "text", signatures, SignerWording::languageOf));
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

    /**
     * Sets the person's status when their current one is among {@code replaceable} (or none yet); true when
     * this changed it (false: unknown person, or a status the change must not replace).
     */
    public boolean changeStatus(String emailHash, SubscriptionStatus status, Instant changedAt,
            Collection<SubscriptionStatus> replaceable) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(CHANGE_STATUS)) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(changedAt));
            update.setString(3, emailHash);
            update.setArray(4, Columns.of(connection, "text", replaceable, SubscriptionStatus::name));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not set " + emailHash + " to " + status, e);
        }
    }

    /** The hash of the person we mail at this address, if we know them. */
    public Optional<String> hashOfEmail(String email) {
        return queryOne(HASH_BY_EMAIL, email, "a person by email");
    }

    private Optional<String> queryOne(String sql, String parameter, String what) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + what, e);
        }
    }
}
