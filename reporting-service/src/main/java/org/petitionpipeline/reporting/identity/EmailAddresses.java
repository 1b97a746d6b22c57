package org.petitionpipeline.reporting.identity;

import java.util.regex.Pattern;
import org.petitionpipeline.contracts.CanonicalEmail;

/** The one check of an address an organizer types: for petitions' organizer e-mails and for accounts alike. */
public final class EmailAddresses {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        return address != null && !CONTROL.matcher(address).find() && CanonicalEmail.of(address).isPresent();
    }
}
