package org.petitionpipeline.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.http.Problem;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.intake.mapping.SubmissionMapper;
import org.petitionpipeline.intake.rest.SignatureRequest;

@ApplicationScoped
public class SignatureIntakeService {

    private final PetitionCatalog catalog;
    private final SignatureValidator validator;
    private final SubmissionMapper mapper;
    private final SignaturePublisher publisher;

    public SignatureIntakeService(PetitionCatalog catalog, SignatureValidator validator, SubmissionMapper mapper,
            SignaturePublisher publisher) {
        this.catalog = catalog;
        this.validator = validator;
        this.mapper = mapper;
        this.publisher = publisher;
    }

    /** Validates a signature and makes it durable in Kafka; yields its submission id once it is. */
    public Uni<UUID> submit(String slug, SignatureRequest request, RequestFacts facts) {
        PetitionDefinition petition = catalog.find(slug)
                .orElseThrow(() -> ProblemException.notFound("there is no petition '" + slug + "'"));
        if (!petition.isOpen()) {
            throw new ProblemException(Problem.of(410, "Gone", "petition '" + slug + "' is closed"));
        }
        SubmittedSignature submitted = mapper.toSubmitted(UUID.randomUUID(), petition, validator.validate(request), facts);
        return publisher.publish(submitted).replaceWith(submitted.submissionId());
    }
}
