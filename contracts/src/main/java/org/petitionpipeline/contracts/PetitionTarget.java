package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Whom a petition addresses, e.g. name "Pam Bondi", title "U.S. Attorney General". {@code region} is the
 * country, state or district the target answers for (e.g. "US-CA" for a senator), so a delivery report can be
 * split per target; null when the target answers for everyone. {@code offices} are the numbers a signer may call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionTarget(String name, String title, String region, List<OfficeContact> offices) {

    /** Targets written before offices existed read as having none, never null. */
    public PetitionTarget {
        offices = offices == null ? List.of() : List.copyOf(offices);
    }

    public PetitionTarget(String name, String title) {
        this(name, title, null, List.of());
    }

    /** This target under a translated title, or as it is when there is none. */
    public PetitionTarget titled(String translatedTitle) {
        return translatedTitle == null || translatedTitle.isBlank() ? this
                : new PetitionTarget(name, translatedTitle, region, offices);
    }

    public boolean hasPhones() {
        return !offices.isEmpty();
    }
}
