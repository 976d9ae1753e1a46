package io.musicstream.infra.web.idempotency;

/** The first answer to a request with an Idempotency-Key, replayed to its retries. */
record StoredResponse(String fingerprint, int status, String contentType, String location, byte[] body) {
}
