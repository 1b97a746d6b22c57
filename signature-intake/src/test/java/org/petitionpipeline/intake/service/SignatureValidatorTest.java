package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.intake.IntakeFixtures;
import org.petitionpipeline.intake.rest.SignatureRequest;
import org.petitionpipeline.intake.rest.SignatureRequest.EmailAddress;
import org.petitionpipeline.intake.rest.SignatureRequest.Person;
import org.petitionpipeline.intake.rest.SignatureRequest.PostalAddress;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;

class SignatureValidatorTest {

    private static final PetitionDefinition PETITION = IntakeFixtures.petition("p", PetitionStatus.OPEN);

    private final SignatureValidator validator = new SignatureValidator();

    @Test
    void countryIsTwoLettersInEitherCase() {
        assertThat(validator.validate(signatureFrom(" de "), PETITION, EnglishMessages.INSTANCE).country()).isEqualTo("DE");
    }

    @Test
    void lettersThatUpperCaseToTwoAsciiLettersAreNoCountry() {
        for (String country : List.of("\u00DF", "\uFB00", "A\u017F")) {
            assertThatThrownBy(() -> validator.validate(signatureFrom(country), PETITION, EnglishMessages.INSTANCE)).as(country)
                    .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(
                            ((Problem) refused.getResponse().getEntity()).errors()).containsEntry(
                                    "person.postal_addresses.country", "use a two-letter ISO 3166 country code, e.g. US"));
        }
    }

    private static SignatureRequest signatureFrom(String country) {
        return new SignatureRequest(new Person("Jane", "Doe", List.of(new EmailAddress("jane@example.org")),
                List.of(new PostalAddress("10117", country))), null, null, null, null, null, null, null);
    }
}
