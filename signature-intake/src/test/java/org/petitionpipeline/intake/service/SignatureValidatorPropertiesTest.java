package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.petitionpipeline.intake.service.RandomText.escaped;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.intake.IntakeFixtures;
import org.petitionpipeline.intake.rest.SignatureRequest;
import org.petitionpipeline.intake.rest.SignatureRequest.ConsentAnswer;
import org.petitionpipeline.intake.rest.SignatureRequest.EmailAddress;
import org.petitionpipeline.intake.rest.SignatureRequest.Person;
import org.petitionpipeline.intake.rest.SignatureRequest.PostalAddress;
import org.petitionpipeline.intake.rest.SignatureRequest.ReferrerData;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;

class SignatureValidatorPropertiesTest {

    private static final int TRIES = 3_000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Set<String> FIELDS = Set.of("person", "person.given_name", "person.family_name",
            "person.email_addresses", "person.postal_addresses.postal_code", "person.postal_addresses.country", "comments",
            "referrer_data.url");

    private final RandomText random = new RandomText(5321);
    private static final PetitionDefinition PETITION = IntakeFixtures.petition("p", PetitionStatus.OPEN);

    private final SignatureValidator validator = new SignatureValidator();

    @Test
    void anyRequestIsEitherRefusedWith422NamingTheFieldsOrGivesCleanValues() {
        forEachRequest(request -> {
            ValidSignature valid;
            try {
                valid = validator.validate(request, PETITION, EnglishMessages.INSTANCE);
            } catch (ProblemException refused) {
                assertThat(refused.getResponse().getStatus()).isEqualTo(422);
                assertThat(((Problem) refused.getResponse().getEntity()).errors()).isNotEmpty()
                        .allSatisfy((field, message) -> assertThat(FIELDS).contains(field));
                return;
            }
            assertThat(valid.givenName()).isNotNull();
            assertThat(valid.canonicalEmail()).isNotNull();
            Stream.of(valid.givenName(), valid.familyName(), valid.email(), valid.canonicalEmail(), valid.postalCode(),
                    valid.country(), valid.comments(), valid.referrerUrl()).filter(Objects::nonNull)
                    .forEach(value -> assertThat(value).as(escaped(value)).doesNotContainPattern(CONTROL)
                            .isEqualTo(value.strip()).isEqualTo(Normalizer.normalize(value, Normalizer.Form.NFC)));
        });
    }

    @Test
    void aControlCharacterInsideATextFieldIsRefusedForThatField() {
        forEachRequest(request -> {
            Map<String, String> texts = texts(request);
            if (texts.values().stream().noneMatch(SignatureValidatorPropertiesTest::hasControlCharacterInside)) {
                return;
            }
            ProblemException refused = catchThrowableOfType(ProblemException.class, () -> validator.validate(request, PETITION, EnglishMessages.INSTANCE));
            assertThat(refused).isNotNull();
            Map<String, String> errors = ((Problem) refused.getResponse().getEntity()).errors();
            texts.forEach((field, text) -> {
                if (hasControlCharacterInside(text)) {
                    assertThat(errors).containsKey(field);
                }
            });
        });
    }

    @Test
    void theCanonicalEmailIsTheOneDedupWorksOutFromTheTypedAddress() {
        forEachRequest(request -> {
            ValidSignature valid = validOrNull(request);
            if (valid != null) {
                assertThat(CanonicalEmail.of(valid.email())).contains(valid.canonicalEmail());
            }
        });
    }

    @Test
    void anAcceptedCountryIsTheTwoAsciiLettersTheSignerTyped() {
        forEachRequest(request -> {
            ValidSignature valid = validOrNull(request);
            if (valid != null && valid.country() != null) {
                String typed = request.person().postalAddresses().get(0).country().strip();
                assertThat(typed).matches("[A-Za-z]{2}");
                assertThat(valid.country()).isEqualTo(typed.toUpperCase(Locale.ROOT));
            }
        });
    }

    private void forEachRequest(Consumer<SignatureRequest> property) {
        for (int i = 0; i < TRIES; i++) {
            SignatureRequest request = request();
            try {
                property.accept(request);
            } catch (RuntimeException | AssertionError failure) {
                throw new AssertionError("property fails for " + escaped(request), failure);
            }
        }
    }

    private ValidSignature validOrNull(SignatureRequest request) {
        try {
            return validator.validate(request, PETITION, EnglishMessages.INSTANCE);
        } catch (ProblemException refused) {
            return null;
        }
    }

    /**
     * The free-text fields by the name the validator reports them under; none without a person, as such a request is
     * refused before any field is looked at.
     */
    private static Map<String, String> texts(SignatureRequest request) {
        Map<String, String> texts = new HashMap<>();
        Person person = request.person();
        if (person == null) {
            return texts;
        }
        texts.put("person.given_name", person.givenName());
        texts.put("person.family_name", person.familyName());
        if (person.emailAddresses() != null && !person.emailAddresses().isEmpty() && person.emailAddresses().get(0) != null) {
            texts.put("person.email_addresses", person.emailAddresses().get(0).address());
        }
        if (person.postalAddresses() != null && !person.postalAddresses().isEmpty() && person.postalAddresses().get(0) != null) {
            texts.put("person.postal_addresses.postal_code", person.postalAddresses().get(0).postalCode());
        }
        texts.put("comments", request.comments());
        if (request.referrerData() != null) {
            texts.put("referrer_data.url", request.referrerData().url());
        }
        texts.values().removeIf(text -> text == null);
        return texts;
    }

    /** A control character that survives NFC and strip(), which drops the ones that are whitespace at the ends. */
    private static boolean hasControlCharacterInside(String text) {
        return CONTROL.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).strip()).find();
    }

    // Most fields are plausible most of the time, so that a good share of the requests pass and their values are checked.
    private SignatureRequest request() {
        Person person = random.chance(0.02) ? null
                : new Person(text(100), text(100), listOf(() -> new EmailAddress(email())),
                        listOf(() -> new PostalAddress(text(16), country())));
        ConsentAnswer consent = random.chance(0.2) ? null : new ConsentAnswer(random.chance(0.5), null, null);
        ReferrerData referrer = random.chance(0.3) ? null : new ReferrerData(text(20), text(20), text(2_000));
        return new SignatureRequest(person, text(2_000), consent, referrer, null, null, null, null);
    }

    /** Null, blank, plausible, random, or random around the field's length limit. */
    private String text(int limit) {
        double pick = random.fraction();
        if (pick < 0.05) {
            return null;
        }
        if (pick < 0.1) {
            return List.of("", " ", "\t", "\n", " \u00A0 ").get(random.between(0, 4));
        }
        if (pick < 0.65) {
            String name = " Jos\u0065\u0301 M\u00FCller-\u0141\u0105cka ";
            return name.substring(0, random.between(2, name.length()));
        }
        if (pick < 0.97) {
            return random.string(random.between(1, 20));
        }
        return random.string(random.between(limit - 5, limit + 5));
    }

    private String email() {
        double pick = random.fraction();
        if (pick < 0.05) {
            return null;
        }
        if (pick < 0.2) {
            return random.string(random.between(0, 30));
        }
        return noise() + random.oneOf("jJ") + noise() + "@" + random.oneOf("eE") + noise() + "." + random.oneOf("oO") + "rg"
                + noise();
    }

    private String noise() {
        return random.chance(0.9) ? "" : random.string(random.between(1, 2));
    }

    private String country() {
        double pick = random.fraction();
        if (pick < 0.2) {
            return null;
        }
        if (pick < 0.8) {
            return List.of("US", "us", " gb ", "De").get(random.between(0, 3));
        }
        return random.string(random.between(1, 3));
    }

    private <T> List<T> listOf(Supplier<T> element) {
        double pick = random.fraction();
        if (pick < 0.03) {
            return null;
        }
        if (pick < 0.06) {
            return List.of();
        }
        if (pick < 0.09) {
            return Arrays.asList((T) null);
        }
        List<T> elements = new ArrayList<>();
        elements.add(element.get());
        if (random.chance(0.2)) {
            elements.add(element.get());
        }
        return elements;
    }
}
