package org.petitionpipeline.reporting.reports.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.petitionpipeline.reporting.calls.PetitionCalls;

/**
 * The numbers on a delivery report's cover and in its tables. {@code byCountry} and {@code byRegion} are largest
 * first, "unknown" where signers gave none; {@code timeline} counts signatures per {@code timelineUnit} (hours for a
 * short petition, days for a longer one), oldest first, buckets without signatures left out. {@code firstSigned}
 * and {@code lastSigned} are null when there are no signatures. {@code verified}: those of the signatures whose signer
 * had confirmed the address by the report's as_of. {@code calls}: the calls signers reported by the as_of, per target
 * and outcome, from callers in the report's region when it has one; {@code callsByRegion} the same by the caller's
 * region, largest first, "unknown" where the caller's region was not known.
 */
public record ReportFigures(long signatures, long verified, Instant firstSigned, Instant lastSigned, Map<String, Long> byCountry,
        Map<String, Long> byRegion, ChronoUnit timelineUnit, Map<Instant, Long> timeline, PetitionCalls calls,
        Map<String, Long> callsByRegion) {
}
