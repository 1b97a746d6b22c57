package org.petitionpipeline.dedup.service;

/**
 * A candidate ready to be stored: {@code householdMember} is '' unless the petition lets a household share an
 * email (then it is the signer's normalized name); {@code heldBecause} is null unless a fraud signal holds it.
 */
public record NewSignature(Candidate candidate, String householdMember, String heldBecause) {

    /** Signs as one of a household sharing an email. */
    public boolean inHousehold() {
        return !householdMember.isEmpty();
    }

    public boolean held() {
        return heldBecause != null;
    }
}
