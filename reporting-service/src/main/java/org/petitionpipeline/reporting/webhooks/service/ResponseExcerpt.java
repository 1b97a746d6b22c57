package org.petitionpipeline.reporting.webhooks.service;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first characters of a receiver's answer and stops reading there: the delivery log shows what a receiver
 * said, and nothing a receiver sends can fill memory or the database.
 */
final class ResponseExcerpt implements HttpResponse.BodySubscriber<String> {

    /** Characters kept of a response body. */
    static final int CHARACTERS = 200;
    /* Enough bytes for CHARACTERS characters of any UTF-8 text. */
    private static final int BYTES = CHARACTERS * 4;

    private final CompletableFuture<String> excerpt = new CompletableFuture<>();
    private final ByteBuffer kept = ByteBuffer.allocate(BYTES);
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            ByteBuffer part = buffer.slice();
            part.limit(Math.min(part.remaining(), kept.remaining()));
            kept.put(part);
        }
        if (kept.hasRemaining()) {
            subscription.request(1);
        } else {
            subscription.cancel();
            finish();
        }
    }

    @Override
    public void onError(Throwable failure) {
        excerpt.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        finish();
    }

    @Override
    public CompletionStage<String> getBody() {
        return excerpt;
    }

    private void finish() {
        String text = new String(kept.array(), 0, kept.position(), StandardCharsets.UTF_8);
        int end = text.offsetByCodePoints(0, Math.min(CHARACTERS, text.codePointCount(0, text.length())));
        excerpt.complete(text.substring(0, end));
    }
}
