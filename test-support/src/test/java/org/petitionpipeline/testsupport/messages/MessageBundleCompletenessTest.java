package org.petitionpipeline.testsupport.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageBundleCompletenessTest {

    private static final String ENGLISH = """
            # the default
            greeting=Dear {name},
            thanks=thank you for signing "{title}". \\
              It counts.
            """;

    @TempDir
    Path messages;

    @Test
    void aCompleteTranslationPasses() throws IOException {
        write("msg_en.properties", ENGLISH);
        write("msg_es.properties", "greeting=Estimado/a {name}:\nthanks=Gracias por firmar «{title}».\n");

        assertThat(MessageBundleCompleteness.of(messages, "msg", "en").assertComplete()).isEmpty();
    }

    @Test
    void aMissingKeyAnExtraKeyAndAWrongPlaceholderAreEachNamed() throws IOException {
        write("msg_en.properties", ENGLISH);
        write("msg_es.properties", "greeting=Estimado/a {nombre}:\nfarewell=Adiós\n");

        List<String> problems = new ArrayList<>();
        MessageBundleCompleteness.of(messages, "msg", "en").check(problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "es: missing thanks",
                "es: greeting has placeholders [nombre], the default [name]",
                "es: farewell is not a key of the default language");
        assertThatThrownBy(() -> MessageBundleCompleteness.of(messages, "msg", "en").assertComplete())
                .isInstanceOf(AssertionError.class).hasMessageContaining("es: missing thanks");
    }

    @Test
    void aPreviewMayLackKeysButIsNamedAndStillCheckedForPlaceholders() throws IOException {
        write("msg_en.properties", ENGLISH);
        write("msg_ar.properties", "# preview: not every message is translated yet\ngreeting=عزيزي {name}،\n");
        write("msg_he.properties", "# Preview\ngreeting=שלום {who},\n");

        List<String> problems = new ArrayList<>();
        assertThat(MessageBundleCompleteness.of(messages, "msg", "en").check(problems)).containsExactly("ar", "he");
        assertThat(problems).containsExactly("he: greeting has placeholders [who], the default [name]");
    }

    @Test
    void withoutTheDefaultLanguagesFileNothingCanBeChecked() throws IOException {
        write("msg_es.properties", "greeting=Hola\n");

        assertThatThrownBy(() -> MessageBundleCompleteness.of(messages, "msg", "en").assertComplete())
                .hasMessageContaining("no msg_en.properties");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(messages.resolve(name), content, StandardCharsets.UTF_8);
    }
}
