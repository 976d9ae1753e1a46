package io.musicstream.projections.library;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code minToken}: a read that must include the caller's own write waits, bounded, until the library
 * projection has handled it and the feed may serve it. A user whose feed is held by a dead letter below the
 * token is told at once to retry later.
 */
@Component
public class ReadYourWrites {

    private final SyncWatermark watermark;
    private final Duration maxWait;

    public ReadYourWrites(SyncWatermark watermark, @Value("${music.sync.min-token-wait:2s}") Duration maxWait) {
        this.watermark = watermark;
        this.maxWait = maxWait;
    }

    /** Thrown when the projection has not reached the token in time; answered with 503 and Retry-After. */
    public static class NotCaughtUpException extends RuntimeException {
        NotCaughtUpException(long token) {
            super("the library has not caught up to token " + token + " yet; retry shortly");
        }

        NotCaughtUpException(long token, long heldAt) {
            super("the library cannot serve token " + token + " yet: a change of yours at token " + heldAt
                    + " is waiting for an operator; retry later");
        }
    }

    /**
     * Returns once the user's bound has reached {@code minToken} (null: at once); a token never issued is
     * refused.
     */
    public void await(String userId, Long minToken) {
        if (minToken != null) {
            await(userId, "minToken", minToken);
        }
    }

    /** As {@link #await(String, Long)}, naming the token {@code name} in the refusal. */
    void await(String userId, String name, long token) {
        if (token <= watermark.lastBound(userId)) {
            return;
        }
        if (token > watermark.lastBound()) {
            watermark.requireIssued(name, token);
            if (!watermark.awaitBound(token, maxWait)) {
                throw new NotCaughtUpException(token);
            }
        }
        Long firstDead = watermark.holds().get(userId);
        if (firstDead != null && token >= firstDead) {
            throw new NotCaughtUpException(token, firstDead);
        }
    }
}
