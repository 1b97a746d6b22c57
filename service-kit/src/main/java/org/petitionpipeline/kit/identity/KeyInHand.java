package org.petitionpipeline.kit.identity;

import java.security.PublicKey;

/**
 * The verification key of the access tokens, for the one service that signs them (reporting-service): it checks
 * tokens with the key it holds instead of fetching its own published keys over HTTP. Every other check is the same.
 */
public interface KeyInHand {

    PublicKey verificationKey();
}
