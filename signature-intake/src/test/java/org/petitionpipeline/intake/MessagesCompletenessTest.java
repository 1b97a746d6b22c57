package org.petitionpipeline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.messages.MessageBundleCompleteness;

/** Every shipped language of the widget and the pages has every message, with the same placeholders, as English. */
class MessagesCompletenessTest {

    @Test
    void everyShippedLanguageHasEveryMessage() {
        assertThat(MessageBundleCompleteness.of("msg").assertComplete()).as("no language is a preview").isEmpty();
    }
}
