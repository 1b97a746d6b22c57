package org.petitionpipeline.dedup.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.dedup.service.SignatureCriteria;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.input.Cidr;
import org.petitionpipeline.kit.input.SafeText;

/** Turns an ops request into criteria, or refuses it with a 422 naming each field that is wrong. */
@ApplicationScoped
public class ReviewRequestValidator {

    private static final int MAX_IDS = 10_000;
    private static final int MAX_REASON = 500;

    /** Criteria to release held signatures: at least one criterion, so "everything" is never an accident. */
    public SignatureCriteria release(ReviewRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        SignatureCriteria criteria = criteria(request, errors);
        if (errors.isEmpty() && criteria.petitionSlug() == null && !criteria.narrowerThanAPetition()) {
            errors.put("petition_slug", "name a petition or other criteria; releasing everything held at once is refused");
        }
        return valid(criteria, errors);
    }

    /** Criteria to invalidate: narrower than a whole petition, and with a reason ops can read later. */
    public SignatureCriteria invalidation(ReviewRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        SignatureCriteria criteria = criteria(request, errors);
        if (errors.isEmpty() && !criteria.narrowerThanAPetition()) {
            errors.put("signature_ids", "give signature ids, an ip_range, an email_domain or a received time window;"
                    + " a whole petition is never invalidated at once");
        }
        String reason = request.reason();
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "say why, for the record and for the organizers");
        } else if (reason.length() > MAX_REASON || !SafeText.isSafe(reason)) {
            errors.put("reason", "at most " + MAX_REASON + " characters, without control characters");
        }
        return valid(criteria, errors);
    }

    private static SignatureCriteria criteria(ReviewRequest request, Map<String, String> errors) {
        if (request.signatureIds() != null && (request.signatureIds().size() > MAX_IDS
                || request.signatureIds().contains(null))) {
            errors.put("signature_ids", "at most " + MAX_IDS + " ids, none null");
        }
        Cidr ipRange = null;
        if (request.ipRange() != null) {
            try {
                ipRange = Cidr.parse(request.ipRange());
            } catch (IllegalArgumentException e) {
                errors.put("ip_range", "an IP address or CIDR range such as 198.51.100.0/24 or 2001:db8::/48");
            }
        }
        String domain = null;
        if (request.emailDomain() != null) {
            Optional<String> canonical = CanonicalEmail.of("someone@" + request.emailDomain());
            if (canonical.isEmpty()) {
                errors.put("email_domain", "a domain such as example.org");
            } else {
                domain = canonical.get().substring(canonical.get().indexOf('@') + 1);
            }
        }
        if (request.receivedFrom() != null && request.receivedUntil() != null
                && !request.receivedFrom().isBefore(request.receivedUntil())) {
            errors.put("received_until", "must be after received_from");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SignatureCriteria(blankToNull(request.petitionSlug()), request.signatureIds(), ipRange, domain,
                request.receivedFrom(), request.receivedUntil());
    }

    private static SignatureCriteria valid(SignatureCriteria criteria, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the request names no valid selection of signatures", errors);
        }
        return criteria;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
