package org.petitionpipeline.email.i18n;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.petitionpipeline.contracts.Languages;

/**
 * The languages the mails and pages are written in: one for each {@code messages/msg_<language>.properties} (Quarkus
 * makes a bean of each), read from the beans so that a new file needs no code here. A language asked for that has no
 * file is shown in English: a petition may be translated into more languages than the interface.
 */
@ApplicationScoped
public class InterfaceLanguages {

    public static final String DEFAULT = Languages.DEFAULT;

    private final Map<String, Messages> bundles = new TreeMap<>();
    private final Set<String> shipped;

    public InterfaceLanguages(@All List<InstanceHandle<Messages>> handles) {
        // the default bundle's bean may carry no @Localized: it is the default language's
        for (InstanceHandle<Messages> handle : handles) {
            String language = handle.getBean().getQualifiers().stream().filter(Localized.class::isInstance)
                    .map(qualifier -> ((Localized) qualifier).value()).findFirst().orElse(DEFAULT);
            bundles.putIfAbsent(language, handle.get());
        }
        this.shipped = Set.copyOf(bundles.keySet());
    }

    /** {@code language} when the interface is written in it, else the default. */
    public String supported(String language) {
        return language != null && shipped.contains(language) ? language : DEFAULT;
    }

    /**
     * A page's language: {@code requested} (the {@code lang} of a link we mailed) when shipped, else the first of the
     * browser's languages that is, else the default. An unknown or malformed value falls back quietly.
     */
    public String negotiate(String requested, String acceptLanguage) {
        return Languages.negotiate(requested, acceptLanguage, shipped, DEFAULT);
    }

    /** The words for Java code (a subject line); templates get them from the instance's locale. */
    public Messages messages(String language) {
        return bundles.get(supported(language));
    }

    /** Renders {@code template} in {@code language}, or the default where the interface is not written in it. */
    public TemplateInstance in(TemplateInstance template, String language) {
        return template.setLocale(Locale.forLanguageTag(supported(language)));
    }
}
