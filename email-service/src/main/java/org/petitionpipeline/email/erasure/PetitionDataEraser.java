package org.petitionpipeline.email.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;

/**
 * Removes what email holds about a petition's signers once its retention ran out, with an erasure's statements
 * ({@link SignerDataStatements}) picking the petition's rows instead of a person's: its consent rows, the names and
 * titles in its confirmations and queued mail, its mail not sent yet (cancelled). A signer who has nothing left here
 * but this petition keeps only the hash, as after an erasure; one who signed another petition keeps the address.
 */
@ApplicationScoped
public class PetitionDataEraser {

    private static final String SIGNER_MAIL = "('SIGNATURE_RECEIPT', 'SIGNATURE_CONFIRMATION', 'CONFIRMATION_REMINDER')";

    /*
     * Before the consents go, which say who signed it. Signer mail queued before schema version 13 has no petition:
     * it counts as another petition's, so such a signer keeps the address (it may still be needed).
     */
    private static final String LAST_PETITION_PEOPLE = SignerDataStatements.PEOPLE + """
            email_hash in (select email_hash from email.consent where petition_slug = ?
                           union select email_hash from email.confirmation where petition_slug = ?
                           union select email_hash from email.outbox where petition_slug = ?)
            and not exists (select 1 from email.consent c
                            where c.email_hash = person.email_hash and c.petition_slug <> ?)
            and not exists (select 1 from email.confirmation c
                            where c.email_hash = person.email_hash and c.petition_slug <> ?)
            and not exists (select 1 from email.outbox o
                            where o.email_hash = person.email_hash and o.kind in %s
                              and o.petition_slug is distinct from ?)""".formatted(SIGNER_MAIL);

    private final Statements statements;

    public PetitionDataEraser(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** Rows removed or anonymized; none when done before. In the order and for the reasons of an erasure. */
    public int erase(String slug) {
        String what = "anonymize the signers of petition " + slug;
        return statements.update(what, SignerDataStatements.CONFIRMATIONS + "petition_slug = ?", slug)
                + statements.update(what, SignerDataStatements.MAIL + "petition_slug = ?", slug)
                + statements.update(what, SignerDataStatements.MAILING_RECIPIENTS
                        + "mailing_id in (select id from email.mailing where petition_slug = ?)", slug)
                + statements.update(what, LAST_PETITION_PEOPLE, Collections.nCopies(6, slug).toArray())
                + statements.update(what, SignerDataStatements.CONSENTS + "petition_slug = ?", slug);
    }
}
