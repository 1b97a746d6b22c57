package org.petitionpipeline.dedup.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Takes from signature rows what names their signer, keeping what counts: the one anonymization of an erasure (a
 * person's rows) and of a petition's retention (all its rows). Runs on the caller's connection and transaction.
 */
final class SignatureAnonymizer {

    /*
     * What counts stays: petition, status, email hash, country, region, times, consent. Held rows stay held,
     * anonymized: whether they count is still ops' call (by petition, time or ids; the IP and domain criteria no
     * longer find them). The reason a row was held or struck out can quote an IP or a domain: it is replaced.
     *
     * household_member is the signer's name and part of the unique key. An anonymized row takes its own id instead,
     * except one row per petition and person that takes '' where the person has no '' row there yet (keeper): a late
     * signature of theirs is stored as '' (it has no name left to be a household member by), so the unique key alone
     * still finds it a duplicate. A new household signature of that email is refused because the anonymized rows'
     * postal code (null) differs from its own. The keeper is chosen in a fixed order, so two instances at once
     * choose the same one. email is null on every anonymized row: doing it again finds nothing left to do.
     */
    private static final String ANONYMIZE = """
            with chosen as (
                select submission_id, petition_slug, email_hash, received_at from dedup.signature
                where %s and email is not null),
            keeper as (
                select distinct on (petition_slug, email_hash) submission_id from chosen c
                where not exists (select 1 from dedup.signature s
                    where s.petition_slug = c.petition_slug and s.email_hash = c.email_hash
                      and s.household_member = '')
                order by petition_slug, email_hash, received_at, submission_id)
            update dedup.signature s
            set email = null, given_name = null, family_name = null, postal_code = null, comments = null,
                client_ip = null, user_agent = null, referrer = null,
                status_reason = case when s.status_reason is not null then ?::text end,
                household_member = case when s.household_member = '' or s.submission_id in (select * from keeper)
                    then '' else s.submission_id::text end
            where s.submission_id in (select submission_id from chosen) and s.email is not null""";

    /* A person's rows received at or before their request: a row received after it is a new signature, with consent. */
    private static final String PERSON = ANONYMIZE.formatted("email_hash = ? and received_at <= ?");

    private static final String PETITION = ANONYMIZE.formatted("petition_slug = ?");

    private SignatureAnonymizer() {
    }

    /** The person's rows received by {@code requestedAt}; returns how many it changed. */
    static int person(Connection connection, String emailHash, Instant requestedAt, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(PERSON)) {
            update.setString(1, emailHash);
            update.setTimestamp(2, Timestamp.from(requestedAt));
            update.setString(3, reason);
            return update.executeUpdate();
        }
    }

    /** Every row of the petition; returns how many it changed. */
    static int petition(Connection connection, String slug, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(PETITION)) {
            update.setString(1, slug);
            update.setString(2, reason);
            return update.executeUpdate();
        }
    }
}
