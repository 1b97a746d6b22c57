package org.petitionpipeline.intake.service;

import io.quarkus.qute.i18n.Message;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.petitionpipeline.intake.messages.IntakeMessages;

/**
 * Intake's English words for unit tests that run without Quarkus, which generates the real bundle at build time:
 * each message's default with its {@code {parameters}} filled in.
 */
final class EnglishMessages {

    static final IntakeMessages INSTANCE = (IntakeMessages) Proxy.newProxyInstance(
            IntakeMessages.class.getClassLoader(), new Class<?>[] {IntakeMessages.class},
            (proxy, method, arguments) -> english(method, arguments));

    private EnglishMessages() {
    }

    private static String english(Method method, Object[] arguments) {
        String words = method.getAnnotation(Message.class).value();
        for (int i = 0; arguments != null && i < arguments.length; i++) {
            words = words.replace("{" + method.getParameters()[i].getName() + "}",
                    String.valueOf(arguments[i]));
        }
        return words;
    }
}
