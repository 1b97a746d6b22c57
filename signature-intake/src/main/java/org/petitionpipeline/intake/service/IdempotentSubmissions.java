package org.petitionpipeline.intake.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.petitionpipeline.intake.config.IntakeConfig;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * An embed that lost the answer to a signature (or a call report) retries it with the same {@code Idempotency-Key}:
 * it gets the first id back and nothing new is published. Concurrent retries share the first attempt; a
 * failed attempt is forgotten so a retry can succeed. The submission id is derived from the key, so even a
 * retry that reaches another instance (or this one after a restart) carries the same id, which dedup
 * recognizes as a replay rather than a second signature.
 */
@ApplicationScoped
public class IdempotentSubmissions {

    private static final Pattern KEY = Pattern.compile("[!-~]{1,255}");

    private final Cache<String, Attempt> attempts;
    private final IntakeMetrics metrics;

    public IdempotentSubmissions(IntakeConfig config, IntakeMetrics metrics) {
        this.attempts = Caffeine.newBuilder()
                .expireAfterWrite(config.idempotency().retention())
                .maximumSize(config.idempotency().maxKeys())
                .build();
        this.metrics = metrics;
    }

    /** Checks a client's key: visible ASCII, at most 255 characters. */
    public static void requireWellFormed(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ProblemException.unprocessable("the idempotency key is not usable", Map.of("idempotency_key",
                    "use 1-255 visible ASCII characters, e.g. a UUID"));
        }
    }

    /**
     * Runs {@code submit} with the id for this key, or returns the id of the earlier attempt with the same key
     * in the same scope. Signatures are scoped per petition and signer: a form that (wrongly) sends one fixed key
     * for everyone must not turn every signer after the first into a replay of the first.
     */
    public Uni<UUID> once(String scope, String key, Function<UUID, Uni<UUID>> submit) {
        String scopedKey = scope + ':' + key;
        UUID submissionId = UUID.nameUUIDFromBytes(("idempotency-key:" + scopedKey).getBytes(StandardCharsets.UTF_8));
        AtomicReference<Attempt> self = new AtomicReference<>();
        Uni<UUID> result = Uni.createFrom().deferred(() -> submit.apply(submissionId))
                .onFailure().invoke(() -> attempts.asMap().remove(scopedKey, self.get()))
                .memoize().indefinitely();
        self.set(new Attempt(result));
        Attempt earlier = attempts.asMap().putIfAbsent(scopedKey, self.get());
        if (earlier == null) {
            return result;
        }
        metrics.replayed();
        return earlier.result();
    }

    private record Attempt(Uni<UUID> result) {
    }
}
