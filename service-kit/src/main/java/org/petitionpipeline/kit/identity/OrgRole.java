package org.petitionpipeline.kit.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member's role in an organization; each role may do what the roles before it may. */
public enum OrgRole {

    /** Reads the organization's petitions, figures and delivery reports. */
    VIEWER,
    /** Also creates, changes and closes petitions and mails their signers. */
    EDITOR,
    /** Also manages the organization's people and their tokens. */
    OWNER;

    public boolean includes(OrgRole needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a label names ({@code "editor"}); empty for any other text. */
    public static Optional<OrgRole> ofLabel(String label) {
        return Arrays.stream(values()).filter(role -> role.label().equals(label)).findFirst();
    }
}
