package io.musicstream.infra.web.ratelimit;

/**
 * The state of one quota after a request: {@code remaining} requests left, {@code resetSeconds} until the
 * quota is full again, and, when refused, {@code retryAfterSeconds} until the next request is allowed.
 */
record RateLimitDecision(Policy policy, boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
}
