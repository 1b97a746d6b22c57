package org.petitionpipeline.email.i18n;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.util.Locale;
import org.petitionpipeline.contracts.Languages;

/**
 * {@code {page:lang}} and {@code {page:dir}} for a template's {@code <html lang dir>} and for the {@code lang} of the
 * links a page or mail carries: the language it is rendered in (its instance's locale), so that it follows the words.
 */
@TemplateExtension(namespace = "page")
public final class PageLanguage {

    private PageLanguage() {
    }

    static String lang(@TemplateAttribute("locale") Object locale) {
        return languageOf(locale);
    }

    static String dir(@TemplateAttribute("locale") Object locale) {
        return Languages.direction(languageOf(locale));
    }

    private static String languageOf(Object locale) {
        if (locale instanceof Locale set) {
            return set.getLanguage();
        }
        return locale == null ? InterfaceLanguages.DEFAULT : Languages.languageOf(locale.toString())
                .orElse(InterfaceLanguages.DEFAULT);
    }
}
