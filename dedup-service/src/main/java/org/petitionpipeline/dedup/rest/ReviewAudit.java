package org.petitionpipeline.dedup.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.petitionpipeline.dedup.service.ReviewResult;
import org.petitionpipeline.kit.audit.AdminActions;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.identity.AdminApiPolicy;

/**
 * The audit entry of a release or an invalidation that changed signatures (a dry run changes nothing and records
 * nothing): the petition, how many, and the criteria, but of an address range only its prefix length and never the
 * free-text reason, which might name a person. In the log of the petition's organization when one petition was
 * named, so its owners see what was done to their signatures; platform-wide otherwise.
 */
@ApplicationScoped
public class ReviewAudit {

    private final AdminActions audit;
    private final PetitionCatalog catalog;

    public ReviewAudit(AdminActions audit, PetitionCatalog catalog) {
        this.audit = audit;
        this.catalog = catalog;
    }

    void record(String action, ReviewRequest request, ReviewResult result) {
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
        String organization = request.petitionSlug() == null ? null
                : catalog.find(request.petitionSlug()).map(AdminApiPolicy::organizationOf).orElse(null);
        audit.succeeded(action, organization, request.petitionSlug(), detail);
    }
}
