package org.petitionpipeline.kit.i18n;

import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.i18n.Localized;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.petitionpipeline.contracts.Languages;

/**
 * The languages a service's interface is written in: one for each {@code messages/msg_<language>.properties} of its
 * Qute message bundle {@code T} (Quarkus makes a bean of each), read from those beans so that a translator's new file
 * needs no code. A language asked for that has no file is shown in English: a petition may be translated into more
 * languages than the interface. Each service makes one {@code @Singleton} bean of it for its bundle (a singleton: a
 * client proxy would need a constructor without the bundles).
 */
public class BundleLanguages<T> {

    private final Map<String, T> bundles = new TreeMap<>();

    /** @param handles every bean of the bundle: the default's (which may carry no {@code @Localized}) and each file's */
    protected BundleLanguages(List<InstanceHandle<T>> handles) {
        for (InstanceHandle<T> handle : handles) {
            String language = handle.getBean().getQualifiers().stream().filter(Localized.class::isInstance)
                    .map(qualifier -> ((Localized) qualifier).value()).findFirst().orElse(Languages.DEFAULT);
            bundles.putIfAbsent(language, handle.get());
        }
    }

    public Set<String> shipped() {
        return bundles.keySet();
    }

    /** {@code language} when the interface is written in it, else the default. */
    public String supported(String language) {
        return language != null && bundles.containsKey(language) ? language : Languages.DEFAULT;
    }

    /**
     * A page's language where no petition decides it: {@code requested} (a link's {@code lang}) when shipped, else the
     * first of the browser's languages that is, else the default. An unknown or malformed value falls back quietly.
     */
    public String negotiate(String requested, String acceptLanguage) {
        return Languages.negotiate(requested, acceptLanguage, shipped(), Languages.DEFAULT);
    }

    /** The words for Java code; templates get them from their instance's {@link #locale}. */
    public T messages(String language) {
        return bundles.get(supported(language));
    }

    /** For a Qute template instance's {@code setLocale}, which picks the bundle its {@code msg:} keys read. */
    public Locale locale(String language) {
        return Locale.forLanguageTag(supported(language));
    }
}
