package org.petitionpipeline.email.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.messages.MessageBundleCompleteness;

/** Every shipped language of the mails and pages has every message, with the same placeholders, as English has. */
class MessagesCompletenessTest {

    @Test
    void everyShippedLanguageHasEveryMessageButTheArabicPreview() {
        assertThat(MessageBundleCompleteness.of("msg").assertComplete()).containsExactly("ar");
    }
}
