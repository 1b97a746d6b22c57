package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Fields of a signature a petition may require beyond the name and email every signature has: a petition to
 * a legislature needs the postcode that places the signer in a constituency, one to a company may not.
 */
public enum SignerField {
    @JsonProperty("family_name")
    FAMILY_NAME,
    @JsonProperty("postal_code")
    POSTAL_CODE,
    @JsonProperty("country")
    COUNTRY,
    @JsonProperty("comments")
    COMMENTS
}
