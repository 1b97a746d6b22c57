package org.petitionpipeline.local.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The CPU one RS256 access-token signature check costs on this machine: the token and the key as the services get them
 * (reporting's JWKS), the JDK's {@code SHA256withRSA} that jose4j calls beneath smallrye-jwt, timed on this thread's
 * CPU clock after a warm-up.
 */
record SignatureCheck(int warmUpChecks, int checks, double microsPerCheck) {

    private static final int WARM_UP_CHECKS = 20_000;
    private static final int CHECKS = 50_000;

    static SignatureCheck timed(URI reporting, String accessToken) throws Exception {
        PublicKey key = jwksKey(reporting);
        int lastDot = accessToken.lastIndexOf('.');
        byte[] signedPart = accessToken.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(accessToken.substring(lastDot + 1));
        check(key, signedPart, signature, WARM_UP_CHECKS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        check(key, signedPart, signature, CHECKS);
        long cpu = threads.getCurrentThreadCpuTime() - before;
        return new SignatureCheck(WARM_UP_CHECKS, CHECKS, cpu / 1e3 / CHECKS);
    }

    private static void check(PublicKey key, byte[] signedPart, byte[] signature, int times)
            throws GeneralSecurityException {
        for (int i = 0; i < times; i++) {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update(signedPart);
            if (!rs256.verify(signature)) {
                throw new IllegalStateException("reporting's key does not verify its own access token");
            }
        }
    }

    private static PublicKey jwksKey(URI reporting) throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(reporting.resolve("/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode jwk = new ObjectMapper().readTree(jwks.body()).at("/keys/0");
        Base64.Decoder base64url = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, base64url.decode(jwk.get("n").asText())),
                new BigInteger(1, base64url.decode(jwk.get("e").asText()))));
    }
}
