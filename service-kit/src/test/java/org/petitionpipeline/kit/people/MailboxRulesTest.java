package org.petitionpipeline.kit.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.config.PipelineConfig;

class MailboxRulesTest {

    private record Provider(boolean ignoreDots, boolean stripPlusTag, Optional<String> sameAs)
            implements PipelineConfig.MailboxProvider {
    }

    private final MailboxRules rules = new MailboxRules(Map.of(
            "gmail.com", new Provider(true, true, Optional.empty()),
            "googlemail.com", new Provider(true, true, Optional.of("gmail.com")),
            "outlook.com", new Provider(false, true, Optional.empty())));

    @Test
    void gmailIgnoresDotsAndTagsUnderEitherDomain() {
        assertThat(rules.mailboxOf("j.a.n.e+news@gmail.com")).isEqualTo("jane@gmail.com");
        assertThat(rules.mailboxOf("jane@googlemail.com")).isEqualTo("jane@gmail.com");
    }

    @Test
    void aProviderOnlyLosesWhatItIgnores() {
        assertThat(rules.mailboxOf("j.doe+news@outlook.com")).isEqualTo("j.doe@outlook.com");
    }

    @Test
    void otherDomainsAreLeftAlone() {
        assertThat(rules.mailboxOf("j.doe+news@example.org")).isEqualTo("j.doe+news@example.org");
    }

    @Test
    void aLeadingPlusIsTheWholeNameNotATag() {
        assertThat(rules.mailboxOf("+jane@outlook.com")).isEqualTo("+jane@outlook.com");
    }
}
