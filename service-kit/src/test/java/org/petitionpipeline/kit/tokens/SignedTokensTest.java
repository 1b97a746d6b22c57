package org.petitionpipeline.kit.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.tokens.SignedTokens.Verdict;

class SignedTokensTest {

    private static final String KEY = "a-key-of-enough-length";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final byte[] SUBJECT = "sixteen bytes!!!".getBytes(StandardCharsets.US_ASCII);

    private final SignedTokens unsubscribe = new SignedTokens(KEY, "TOKEN_KEY", "unsubscribe");

    @Test
    void aTokenGivesBackItsSubjectUntilItExpires() {
        String token = unsubscribe.issue(SUBJECT, NOW.plusSeconds(60));

        assertThat(unsubscribe.verify(token, SUBJECT.length, NOW).verdict()).isEqualTo(Verdict.VALID);
        assertThat(unsubscribe.verify(token, SUBJECT.length, NOW).subject()).isEqualTo(SUBJECT);
        assertThat(unsubscribe.verify(token, SUBJECT.length, NOW.plusSeconds(61)).verdict()).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aTokenOfAnotherPurposeKeyOrLengthIsInvalid() {
        String token = unsubscribe.issue(SUBJECT, NOW.plusSeconds(60));

        assertThat(new SignedTokens(KEY, "TOKEN_KEY", "confirm").verify(token, SUBJECT.length, NOW).verdict())
                .isEqualTo(Verdict.INVALID);
        assertThat(new SignedTokens("another-key-of-enough-length", "TOKEN_KEY", "unsubscribe")
                .verify(token, SUBJECT.length, NOW).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(unsubscribe.verify(token, SUBJECT.length + 1, NOW).verdict()).isEqualTo(Verdict.INVALID);
        for (String forged : new String[] {null, "", "no-dot", token.substring(1), token + "A", "!." + token}) {
            assertThat(unsubscribe.verify(forged, SUBJECT.length, NOW).verdict()).as(forged).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void anExpiredTokenIsOnlyCalledExpiredWhenGenuine() {
        String expired = unsubscribe.issue(SUBJECT, NOW.minusSeconds(1));
        String altered = expired.substring(0, expired.length() - 1)
                + (expired.endsWith("A") ? "B" : "A");

        assertThat(unsubscribe.verify(expired, SUBJECT.length, NOW).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(unsubscribe.verify(altered, SUBJECT.length, NOW).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aDetachedSignatureCoversSubjectExpiryAndPurpose() {
        long expires = NOW.plusSeconds(60).getEpochSecond();
        String signature = unsubscribe.sign(SUBJECT, expires);

        assertThat(unsubscribe.verify(SUBJECT, expires, signature, NOW)).isEqualTo(Verdict.VALID);
        assertThat(unsubscribe.verify(SUBJECT, expires + 1, signature, NOW)).isEqualTo(Verdict.INVALID);
        assertThat(unsubscribe.verify(SUBJECT, Long.MAX_VALUE, signature, NOW)).isEqualTo(Verdict.INVALID);
        assertThat(unsubscribe.verify("other subject".getBytes(StandardCharsets.US_ASCII), expires, signature, NOW))
                .isEqualTo(Verdict.INVALID);
        assertThat(new SignedTokens(KEY, "TOKEN_KEY", "confirm").verify(SUBJECT, expires, signature, NOW))
                .isEqualTo(Verdict.INVALID);
        assertThat(unsubscribe.verify(SUBJECT, expires, null, NOW)).isEqualTo(Verdict.INVALID);
        assertThat(unsubscribe.verify(SUBJECT, expires, signature, NOW.plusSeconds(61))).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aShortKeyIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> new SignedTokens("short", "EMAIL_TOKEN_KEY", "unsubscribe"))
                .hasMessageContaining("EMAIL_TOKEN_KEY");
    }
}
