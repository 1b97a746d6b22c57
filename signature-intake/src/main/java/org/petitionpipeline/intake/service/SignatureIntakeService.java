package org.petitionpipeline.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.Regions;
import org.petitionpipeline.intake.mapping.SubmissionMapper;
import org.petitionpipeline.intake.messages.IntakeLanguages;
import org.petitionpipeline.intake.rest.SignatureRequest;
import org.petitionpipeline.kit.config.PipelineConfig;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The signing front door, cheapest refusals first: unknown or closed petition, a page not allowed to embed
 * it, a client over its rate, a bot, invalid fields. Only then is the signature published, once per
 * idempotency key, and the answer waits for Kafka's acknowledgement.
 */
@ApplicationScoped
public class SignatureIntakeService {

    private final PetitionAdmission admission;
    private final RateLimits rateLimits;
    private final BotDefence botDefence;
    private final SignatureValidator validator;
    private final IdempotentSubmissions idempotency;
    private final SubmissionMapper mapper;
    private final EventPublisher publisher;
    private final IntakeMetrics metrics;
    private final EmailHasher hasher;
    private final IntakeLanguages languages;

    public SignatureIntakeService(PetitionAdmission admission, RateLimits rateLimits,
            BotDefence botDefence, SignatureValidator validator, IdempotentSubmissions idempotency,
            SubmissionMapper mapper, EventPublisher publisher, IntakeMetrics metrics, PipelineConfig config,
            IntakeLanguages languages) {
        this.languages = languages;
        this.admission = admission;
        this.rateLimits = rateLimits;
        this.botDefence = botDefence;
        this.validator = validator;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = metrics;
        this.hasher = new EmailHasher(config.emailHashKey());
    }

    /** Yields the submission once Kafka holds the signature (or held it for an earlier try of the same key). */
    public Uni<Submission> submit(String slug, SignatureRequest request, SubmissionContext context) {
        PetitionDefinition petition = admission.admit(slug, context);
        if (request == null) {
            metrics.refused(Refusal.INVALID_FIELDS);
            throw ProblemException.unprocessable("the request has no signature in its body", Map.of());
        }
        botDefence.checkForm(request, context.facts().receivedAt());
        ValidSignature signature = validated(request, petition);
        String emailHash = hasher.hash(signature.canonicalEmail());
        String key = context.idempotencyKey() != null ? context.idempotencyKey() : request.idempotencyKey();
        IdempotentSubmissions.requireWellFormed(key);
        String region = Regions.regionOf(signature.country(), signature.postalCode()).orElse(null);
        Uni<UUID> published = key == null ? publish(petition, signature, emailHash, request, context, UUID.randomUUID())
                : idempotency.once(slug + ':' + emailHash, key,
                        submissionId -> publish(petition, signature, emailHash, request, context, submissionId));
        return published.map(submissionId -> new Submission(submissionId, region, signature.language()));
    }

    private ValidSignature validated(SignatureRequest request, PetitionDefinition petition) {
        try {
            return validator.validate(request, petition,
                    languages.messages(SignatureValidator.languageOf(request, petition)));
        } catch (ProblemException invalid) {
            metrics.refused(Refusal.INVALID_FIELDS);
            throw invalid;
        }
    }

    private Uni<UUID> publish(PetitionDefinition petition, ValidSignature signature, String emailHash,
            SignatureRequest request, SubmissionContext context, UUID submissionId) {
        rateLimits.takeForSigner(petition.slug(), emailHash);
        return botDefence.checkCaptcha(request.captchaToken(), context.facts().clientIp())
                .chain(() -> publisher.publish(mapper.toSubmitted(submissionId, petition, signature, emailHash,
                        context.facts())))
                .invoke(metrics::accepted)
                .replaceWith(submissionId);
    }
}
