package org.petitionpipeline.dedup.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.mapping.OutcomeMapper;
import org.petitionpipeline.dedup.repository.ErasureRepository;
import org.petitionpipeline.dedup.repository.SignatureRepository;
import org.petitionpipeline.dedup.repository.SignatureStatus;
import org.petitionpipeline.dedup.repository.StoredDecision;
import org.petitionpipeline.kit.tracing.RecordSpans;

/**
 * Decides the one outcome of each submission. Safe to run twice on the same batch: a submission whose row
 * already holds its own submission id was decided before (the publish may not have happened), so it gets that
 * decision again (accepted, held or invalidated), never called a duplicate of itself.
 */
@ApplicationScoped
public class DeduplicationService {

    static final String DUPLICATE = "this person already signed this petition";
    static final String OTHER_ADDRESS = "this email already signed this petition from another postal code";

    private final SignatureRepository signatures;
    private final OutcomeMapper mapper;
    private final OutcomePublisher publisher;
    private final SignatureChecks checks;
    private final HouseholdRule households;
    private final HoldSignals holdSignals;
    private final DedupMetrics metrics;
    private final ErasureRepository erasures;

    public DeduplicationService(SignatureRepository signatures, OutcomeMapper mapper, OutcomePublisher publisher,
            SignatureChecks checks, HouseholdRule households, HoldSignals holdSignals, DedupMetrics metrics,
            ErasureRepository erasures) {
        this.signatures = signatures;
        this.mapper = mapper;
        this.publisher = publisher;
        this.checks = checks;
        this.households = households;
        this.holdSignals = holdSignals;
        this.metrics = metrics;
        this.erasures = erasures;
    }

    /** @param spans the batch's record spans: each outcome is published as its submission's child */
    public void process(List<SubmittedSignature> batch, RecordSpans<SubmittedSignature> spans) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        Outcomes outcomes = new Outcomes();
        batch.forEach(submitted -> outcomes.traces().put(submitted.submissionId(), spans.contextOf(submitted)));
        List<Candidate> admitted = new ArrayList<>(batch.size());
        List<String> members = new ArrayList<>(batch.size());
        // a household email's first postal code in this batch; the database answers for earlier batches
        Map<String, Optional<String>> householdPostalCodes = new HashMap<>();
        int invalid = 0;
        List<CheckedSignature> checkedBatch = batch.stream().map(checks::check).toList();
        Map<String, Instant> erasureRequested = erasureRequests(checkedBatch);
        for (CheckedSignature checked : checkedBatch) {
            SubmittedSignature submitted = checked.submitted();
            if (checked instanceof CheckedSignature.Refused refused) {
                invalid++;
                outcomes.rejected().add(mapper.rejected(submitted, refused.emailHash(), RejectionReason.INVALID,
                        refused.detail(), now));
                continue;
            }
            Candidate candidate = unlessErased((Candidate) checked, erasureRequested, now);
            String member = households.memberOf(candidate);
            if (!member.isEmpty() && signedEarlierFromAnotherAddress(householdPostalCodes, candidate)) {
                outcomes.rejected().add(mapper.rejected(submitted, candidate.emailHash(), RejectionReason.DUPLICATE,
                        OTHER_ADDRESS, now));
                continue;
            }
            admitted.add(candidate);
            members.add(member);
        }
        List<Optional<String>> holds = holdSignals.count(admitted, now);
        List<NewSignature> candidates = IntStream.range(0, admitted.size())
                .mapToObj(i -> new NewSignature(admitted.get(i), members.get(i), holds.get(i).orElse(null))).toList();

        long checked = System.nanoTime();
        SignatureRepository.Insertion insertion = candidates.isEmpty()
                ? new SignatureRepository.Insertion(Set.of(), Map.of()) : signatures.insertNew(candidates, now);
        Map<UUID, StoredDecision> replayed = insertion.storedBefore();

        long storedAt = System.nanoTime();
        int held = 0;
        for (NewSignature signature : candidates) {
            Candidate candidate = signature.candidate();
            UUID id = candidate.submitted().submissionId();
            StoredDecision decision = insertion.stored().contains(id) ? decisionOf(signature) : replayed.get(id);
            if (decision == null) {
                outcomes.rejected().add(mapper.rejected(candidate.submitted(), candidate.emailHash(),
                        RejectionReason.DUPLICATE, signature.householdMember().isEmpty() ? DUPLICATE : OTHER_ADDRESS, now));
                continue;
            }
            switch (decision.status()) {
                case ACCEPTED -> outcomes.accepted().add(mapper.accepted(candidate, now));
                case HELD -> {
                    held++;
                    outcomes.rejected().add(mapper.rejected(candidate.submitted(), candidate.emailHash(),
                            RejectionReason.HELD, "held for review: " + decision.reason(), now));
                }
                case INVALIDATED -> outcomes.invalidated().add(mapper.invalidated(id,
                        candidate.submitted().petitionSlug(), candidate.emailHash(),
                        Objects.requireNonNullElse(decision.reason(), "invalidated by ops"), now));
            }
        }
        publisher.publish(outcomes);
        metrics.phase("checks", checked - started);
        metrics.phase("store", storedAt - checked);
        metrics.phase("publish", System.nanoTime() - storedAt);
        metrics.batch(outcomes.accepted().size(), held, outcomes.rejected().size() - invalid - held, invalid);
        Log.debugf("batch of %d: %d accepted (%d replayed), %d rejected", batch.size(), outcomes.accepted().size(),
                replayed.size(), outcomes.rejected().size());
    }

    /** When the batch's signers who were erased asked for it. */
    private Map<String, Instant> erasureRequests(List<CheckedSignature> checkedBatch) {
        List<String> people = checkedBatch.stream().filter(Candidate.class::isInstance)
                .map(CheckedSignature::emailHash).distinct().toList();
        return people.isEmpty() ? Map.of() : erasures.requestedAt(people);
    }

    /**
     * A signature received at or before its signer asked to be erased, arriving only now (a replay, a backlog), is
     * decided, stored and published anonymized from the start, so none of its data reaches the table, the hold
     * counts or the topics; it still counts. One received after the request is a new signature with fresh consent.
     */
    private static Candidate unlessErased(Candidate candidate, Map<String, Instant> erasureRequested, Instant now) {
        Instant requested = erasureRequested.get(candidate.emailHash());
        return requested != null && !candidate.receivedAtOr(now).isAfter(requested) ? candidate.erased() : candidate;
    }

    private static boolean signedEarlierFromAnotherAddress(Map<String, Optional<String>> firstPostalCodes,
            Candidate candidate) {
        Optional<String> postalCode = Optional.ofNullable(candidate.postalCode());
        return !firstPostalCodes.computeIfAbsent(candidate.submitted().petitionSlug() + ":" + candidate.emailHash(),
                person -> postalCode).equals(postalCode);
    }

    private static StoredDecision decisionOf(NewSignature signature) {
        return signature.held()
                ? new StoredDecision(SignatureStatus.HELD, signature.heldBecause())
                : new StoredDecision(SignatureStatus.ACCEPTED, null);
    }
}
