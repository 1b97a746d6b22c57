package org.petitionpipeline.intake.rest;

import io.quarkus.qute.TemplateExtension;
import org.petitionpipeline.contracts.OfficeContact;

/** {@code {office.dial}} in a page: the number as a tel: link needs it, without the spaces people read it with. */
@TemplateExtension
public final class PhoneLinks {

    private PhoneLinks() {
    }

    static String dial(OfficeContact office) {
        return office.phone().replaceAll("[^+0-9]", "");
    }
}
