package org.petitionpipeline.reporting.reports.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * What a target checks a delivered CSV against: its row count, its SHA-256, and the last link of the hash chain over
 * its lines (see {@link HashChain}). Two requests for the same report give the same manifest, unless signers of it
 * were erased at their request in between: {@code erasedSinceAsOf} counts those erased after the report's as_of,
 * who are no longer listed, so a copy delivered before still checks against the manifest it came with, and a copy
 * made now says why it has fewer rows.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportManifest(String petition, String region, Instant asOf, long rows, String csvSha256,
        String chainAlgorithm, String chainHead, long erasedSinceAsOf) {

    /** Names the chain's rule, so a verifier knows which one it is checking. */
    public static final String CHAIN_ALGORITHM = "sha256-chain-over-crlf-lines-v1";
}
