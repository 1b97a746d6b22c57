package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalEmailTest {

    @Test
    void caseAndSurroundingSpacesDoNotMakeANewAddress() {
        assertThat(CanonicalEmail.of("  Jane.Doe@Example.ORG \t")).contains("jane.doe@example.org");
    }

    @Test
    void trailingRootDotOfTheDomainIsTheSameAddress() {
        assertThat(CanonicalEmail.of("jane@example.org.")).contains("jane@example.org");
        assertThat(CanonicalEmail.of("jane@.")).isEmpty();
    }

    @Test
    void internationalizedDomainBecomesItsAsciiForm() {
        assertThat(CanonicalEmail.of("anna@bücher.de")).contains("anna@xn--bcher-kva.de");
    }

    @Test
    void composedAndDecomposedUnicodeAreTheSameAddress() {
        String composed = "ren\u00e9@example.org";
        String decomposed = "rene\u0301@example.org";
        assertThat(CanonicalEmail.of(decomposed)).isEqualTo(CanonicalEmail.of(composed));
    }

    @Test
    void addressWithoutLocalPartOrDomainHasNoCanonicalForm() {
        assertThat(CanonicalEmail.of("@example.org")).isEmpty();
        assertThat(CanonicalEmail.of("jane@")).isEmpty();
        assertThat(CanonicalEmail.of("jane")).isEmpty();
        assertThat(CanonicalEmail.of(null)).isEmpty();
        assertThat(CanonicalEmail.of("jane@exa mple.org")).isEmpty();
    }
}
