package org.petitionpipeline.reporting.reports.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.petitionpipeline.kit.tokens.SignedTokens;
import org.petitionpipeline.reporting.reports.config.DeliveryReportConfig;
import org.petitionpipeline.reporting.reports.repository.ReportScope;

/**
 * Download links for a delivery report that work without the organizer token: the link names the report (petition,
 * region, as_of) and its expiry, and carries a {@link SignedTokens} signature of them, so nobody without the key can
 * make or widen one, and it stops working once expired. The same signature serves the CSV, the PDF and the
 * manifest of that report.
 */
@Startup
@ApplicationScoped
public class ReportLinks {

    private final SignedTokens signer;
    private final DeliveryReportConfig config;

    public ReportLinks(DeliveryReportConfig config) {
        this.signer = new SignedTokens(config.linkKey(), "REPORTING_REPORT_LINK_KEY", "delivery-report");
        this.config = config;
    }

    /** The CSV's link, valid for the configured lifetime from now. */
    public String csvLink(ReportScope scope) {
        return csvLinkExpiringAt(scope, Instant.now().plus(config.linkLifetime()));
    }

    public String csvLinkExpiringAt(ReportScope scope, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return config.publicUrl() + "/api/reports/" + scope.slug() + "/report.csv?as_of=" + scope.asOf()
                + (scope.region() == null ? "" : "&region=" + scope.region())
                + "&expires=" + expires + "&signature=" + signer.sign(subject(scope), expires);
    }

    public SignedTokens.Verdict verify(ReportScope scope, long expires, String signature) {
        return signer.verify(subject(scope), expires, signature, Instant.now());
    }

    private static byte[] subject(ReportScope scope) {
        return String.join("\n", scope.slug(), scope.region() == null ? "" : scope.region(), scope.asOf().toString())
                .getBytes(StandardCharsets.UTF_8);
    }
}
