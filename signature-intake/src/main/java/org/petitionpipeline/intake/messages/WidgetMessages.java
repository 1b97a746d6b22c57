package org.petitionpipeline.intake.messages;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The widget's words in one language, as the script reads them: {@code widgetSignButton} becomes
 * {@code signButton}, and a parameter stays {@code {name}} for the script to fill in. Computed once per language.
 */
@ApplicationScoped
public class WidgetMessages {

    private static final String PREFIX = "widget";

    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();
    private final IntakeLanguages languages;

    public WidgetMessages(IntakeLanguages languages) {
        this.languages = languages;
    }

    public Map<String, String> in(String language) {
        return byLanguage.computeIfAbsent(languages.supported(language), this::collect);
    }

    private Map<String, String> collect(String language) {
        IntakeMessages messages = languages.messages(language);
        Map<String, String> words = new LinkedHashMap<>();
        Arrays.stream(IntakeMessages.class.getMethods()).filter(method -> method.getName().startsWith(PREFIX))
                .sorted(Comparator.comparing(Method::getName))
                .forEach(method -> words.put(key(method), invoke(method, messages)));
        return Map.copyOf(words);
    }

    private static String key(Method method) {
        String name = method.getName().substring(PREFIX.length());
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String invoke(Method method, IntakeMessages messages) {
        Object[] placeholders = Arrays.stream(method.getParameters()).map(Parameter::getName)
                .map(name -> "{" + name + "}").toArray();
        try {
            return (String) method.invoke(messages, placeholders);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the widget's message " + method.getName(), e);
        }
    }
}
