package org.petitionpipeline.intake.messages;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.inject.Singleton;
import java.util.List;
import org.petitionpipeline.kit.i18n.BundleLanguages;

/**
 * The languages intake's words are written in (see {@link BundleLanguages}): a petition in a language intake has no
 * {@code messages/msg_<language>.properties} for shows its own text with English around it.
 */
@Singleton
public class IntakeLanguages extends BundleLanguages<IntakeMessages> {

    public IntakeLanguages(@All List<InstanceHandle<IntakeMessages>> handles) {
        super(handles);
    }
}
