package org.petitionpipeline.reporting.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.petitionpipeline.reporting.config.DeliveryReportConfig;
import org.petitionpipeline.reporting.repository.ReportScope;

/**
 * Download links for a delivery report that work without the organizer token: the link names the report (petition,
 * region, as_of) and its expiry, and carries an HMAC of them, so nobody without the key can make or widen one, and
 * it stops working once expired. The same signature serves the CSV, the PDF and the manifest of that report.
 */
@Startup
@ApplicationScoped
public class ReportLinks {

    /** What a link is: one that may be used, one that was genuine but is too old, or anything else. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;
    private static final String PURPOSE = "delivery-report";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final DeliveryReportConfig config;

    public ReportLinks(DeliveryReportConfig config) {
        if (config.linkKey().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "REPORTING_REPORT_LINK_KEY must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        this.key = new SecretKeySpec(config.linkKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
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
                + "&expires=" + expires + "&signature=" + sign(scope, expires);
    }

    /** Checks the signature first: only a genuine link is ever called expired. */
    public Verdict verify(ReportScope scope, long expires, String signature) {
        if (signature == null || !MessageDigest.isEqual(sign(scope, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        return Instant.now().isAfter(Instant.ofEpochSecond(expires)) ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String sign(ReportScope scope, long expires) {
        String signed = String.join("\n", PURPOSE, scope.slug(), scope.region() == null ? "" : scope.region(),
                scope.asOf().toString(), Long.toString(expires));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
