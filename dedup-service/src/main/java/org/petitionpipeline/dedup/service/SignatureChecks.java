package org.petitionpipeline.dedup.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.PostalCodes;
import org.petitionpipeline.contracts.Regions;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.kit.input.SafeText;
import org.petitionpipeline.kit.people.PersonHashes;

/**
 * Validation again, whatever intake checked (a bug there, or a producer other than intake, must not reach the
 * record of truth), and what delivery needs derived: the mailbox hash that makes a person, the country a
 * postal code implies, the region.
 */
@ApplicationScoped
public class SignatureChecks {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final PersonHashes people;
    private final DisposableDomains disposable;

    public SignatureChecks(PersonHashes people, DisposableDomains disposable) {
        this.people = people;
        this.disposable = disposable;
    }

    public CheckedSignature check(SubmittedSignature submitted) {
        Signer signer = submitted.signer();
        Optional<String> canonical = CanonicalEmail.of(signer.email())
                .filter(address -> address.indexOf('.', address.lastIndexOf('@')) > 0);
        if (canonical.isEmpty() || !SafeText.isSafe(signer.email())) {
            return new CheckedSignature.Refused(submitted, submitted.emailHash(), "the email address cannot receive mail");
        }
        String emailHash = people.ofCanonical(canonical.get());
        if (disposable.isDisposable(canonical.get())) {
            return new CheckedSignature.Refused(submitted, emailHash, "the email domain hands out disposable inboxes");
        }
        if (Stream.of(signer.givenName(), signer.familyName(), signer.postalCode(), submitted.comments())
                .anyMatch(text -> !SafeText.isSafe(text))) {
            return new CheckedSignature.Refused(submitted, emailHash, "a name, postal code or comment holds control characters");
        }
        if (signer.country() != null && !COUNTRY.matcher(signer.country()).matches()) {
            return new CheckedSignature.Refused(submitted, emailHash, "the country is not an ISO 3166 code");
        }
        if (signer.postalCode() == null) {
            return new Candidate(submitted, canonical.get(), emailHash, null, signer.country(), null);
        }
        String country = signer.country() != null ? signer.country() : PostalCodes.countryOf(signer.postalCode()).orElse(null);
        PostalCodes.Result postal = PostalCodes.check(country, signer.postalCode());
        if (postal instanceof PostalCodes.Invalid invalid) {
            return new CheckedSignature.Refused(submitted, emailHash, "postal code: " + invalid.problem());
        }
        String postalCode = ((PostalCodes.Valid) postal).postalCode();
        return new Candidate(submitted, canonical.get(), emailHash, postalCode, country,
                Regions.regionOf(country, postalCode).orElse(null));
    }
}
