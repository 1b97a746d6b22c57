package org.petitionpipeline.email.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.kit.database.Statements;

/** The tombstones: who was erased, by which request, as of when. */
@ApplicationScoped
public class ErasedPeople {

    // a request older than the one recorded is already covered by it: it must not move requested_at back
    private static final String RECORD = """
            insert into email.erased_person (email_hash, erasure_id, requested_at, erased_at) values (?, ?, ?, now())
            on conflict (email_hash) do update
                set erasure_id = excluded.erasure_id, requested_at = excluded.requested_at, erased_at = now()
                where erased_person.requested_at < excluded.requested_at""";

    private static final String REQUESTED_AT = """
            select email_hash, requested_at from email.erased_person where email_hash = any(?)""";

    private final Statements statements;

    public ErasedPeople(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /**
     * Records the erasure's tombstone; false when an erasure of this person requested at the same time or later is
     * recorded already, and covers this one.
     */
    public boolean record(PersonErasure erasure) {
        return statements.update("record the erasure of " + erasure.emailHash(), RECORD, erasure.emailHash(),
                erasure.erasureId(), Timestamp.from(erasure.requestedAt())) == 1;
    }

    /**
     * The signatures of the batch to record: all but those made at or before their signer's erasure was requested,
     * which arrive late (a replay, a backlog) and must bring nothing back nor be mailed about, and those dedup already
     * sent without an address (it anonymizes such a late signature itself, before publishing it). A signature's time
     * is when intake received it, as dedup decides; accepted_at only for an event that does not say.
     */
    public List<AcceptedSignature> withoutErased(List<AcceptedSignature> batch) {
        String[] hashes = batch.stream().map(AcceptedSignature::emailHash).distinct().toArray(String[]::new);
        Map<String, Instant> requestedAt = statements.query("read the tombstones of " + hashes.length + " signers",
                        row -> Map.entry(row.getString(1), row.getTimestamp(2).toInstant()), REQUESTED_AT,
                        (Object) hashes)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return batch.stream().filter(signature -> signature.signer().email() != null)
                .filter(signature -> !requestedAt.containsKey(signature.emailHash())
                        || signedAt(signature).isAfter(requestedAt.get(signature.emailHash())))
                .toList();
    }

    private static Instant signedAt(AcceptedSignature signature) {
        RequestFacts facts = RequestFacts.orUnknown(signature.request());
        return facts.receivedAt() != null ? facts.receivedAt() : signature.acceptedAt();
    }
}
