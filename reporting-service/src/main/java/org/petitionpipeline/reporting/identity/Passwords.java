package org.petitionpipeline.reporting.identity;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Map;
import org.petitionpipeline.kit.http.ProblemException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Console passwords, stored as Argon2id hashes in PHC form ({@code $argon2id$v=19$m=19456,t=2,p=1$…}) with OWASP's
 * parameters (19 MiB, 2 passes, 1 lane): slow enough that a stolen table is expensive to guess at, about 50 ms per
 * check here. The parameters travel in each hash, so raising them later keeps old hashes verifiable.
 */
@Startup
@Singleton
public class Passwords {

    /** Below this, length is what makes a password hard to guess; above, only the hashing cost grows. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /* Checked against when the typed address has no account or no password, so that answer takes as long as any. */
    private final String dummyHash = encoder.encode(Secrets.random());

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} is the one hashed; with no hash, spends the same time and says no. */
    public boolean matches(String password, String hash) {
        boolean matches = encoder.matches(password == null ? "" : password, hash == null ? dummyHash : hash);
        return hash != null && matches;
    }

    /** Throws a 422 problem naming the rule a new password breaks. */
    public static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw ProblemException.unprocessable("the password cannot be used", Map.of("password",
                    "between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters; a few unrelated words make a good "
                            + "one"));
        }
    }
}
