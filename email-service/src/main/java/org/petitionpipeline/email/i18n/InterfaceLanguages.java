package org.petitionpipeline.email.i18n;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import java.util.List;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.kit.i18n.BundleLanguages;

/**
 * The languages email-service's mails and pages are written in (see {@link BundleLanguages}): a language asked for
 * that has no {@code messages/msg_<language>.properties} is shown in English.
 */
@Singleton
public class InterfaceLanguages extends BundleLanguages<Messages> {

    public static final String DEFAULT = Languages.DEFAULT;

    public InterfaceLanguages(@All List<InstanceHandle<Messages>> handles) {
        super(handles);
    }

    /** Renders {@code template} in {@code language}, or the default where the interface is not written in it. */
    public TemplateInstance in(TemplateInstance template, String language) {
        return template.setLocale(locale(language));
    }
}
