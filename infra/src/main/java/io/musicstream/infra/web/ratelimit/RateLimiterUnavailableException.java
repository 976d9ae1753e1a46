package io.musicstream.infra.web.ratelimit;

/** Redis, which holds the buckets, did not answer; {@code retryAfterSeconds} until the limiter tries it again. */
class RateLimiterUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimiterUnavailableException(String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
