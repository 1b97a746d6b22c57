package org.petitionpipeline.intake.service;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.petitionpipeline.intake.messages.IntakeMessages;

/**
 * Intake's English words for unit tests that run without Quarkus, which generates the real bundle at build time:
 * each message of {@code messages/msg_en.properties} with its {@code {parameters}} filled in.
 */
final class EnglishMessages {

    private static final Properties ENGLISH = english();

    static final IntakeMessages INSTANCE = (IntakeMessages) Proxy.newProxyInstance(
            IntakeMessages.class.getClassLoader(), new Class<?>[] {IntakeMessages.class},
            (proxy, method, arguments) -> words(method, arguments));

    private EnglishMessages() {
    }

    private static String words(Method method, Object[] arguments) {
        String words = ENGLISH.getProperty(method.getName());
        for (int i = 0; arguments != null && i < arguments.length; i++) {
            words = words.replace("{" + method.getParameters()[i].getName() + "}", String.valueOf(arguments[i]));
        }
        return words;
    }

    private static Properties english() {
        try (Reader file = new InputStreamReader(EnglishMessages.class.getResourceAsStream("/messages/msg_en.properties"),
                StandardCharsets.UTF_8)) {
            Properties english = new Properties();
            english.load(file);
            return english;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
