package io.musicstream.infra.audit;

/** One row of the event store as the replay reads it: its position, its payload's type and revision, the JSON. */
record RawEvent(long globalIndex, String payloadType, String payloadRevision, byte[] payload) {
}
