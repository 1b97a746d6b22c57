package org.petitionpipeline.dedup.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.petitionpipeline.dedup.service.ReviewResult;
import org.petitionpipeline.kit.audit.AdminActions;

/**
 * The audit entry of a release or an invalidation that changed signatures (a dry run changes nothing and records
 * nothing): the petition, how many, and the criteria, but of an address range only its prefix length and never the
 * free-text reason, which might name a person. Platform-wide: this service does not know petitions' organizations.
 */
final class ReviewAudit {

    private ReviewAudit() {
    }

    static void record(AdminActions audit, String action, ReviewRequest request, ReviewResult result) {
        if (result.dryRun()) {
            return;
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("changed", String.valueOf(result.changed()));
        if (request.signatureIds() != null) {
            detail.put("signature_ids", String.valueOf(request.signatureIds().size()));
        }
        if (request.ipRange() != null) {
            int slash = request.ipRange().indexOf('/');
            detail.put("ip_range_prefix", slash < 0 ? "one address" : request.ipRange().substring(slash + 1));
        }
        if (request.emailDomain() != null) {
            detail.put("email_domain", request.emailDomain());
        }
        audit.succeeded(action, null, request.petitionSlug(), detail);
    }
}
