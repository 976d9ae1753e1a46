package io.musicstream.infra.web.ratelimit;

/**
 * What a request is counted against: a named quota and whose it is (a user id, a username, an address).
 * {@code failClosed}: when Redis is away, refuse (503) rather than let the request through unlimited.
 */
record Policy(String name, RateLimitProperties.Quota quota, boolean failClosed) {
}
