package io.musicstream.infra.audit;

/**
 * One row of the event store as the replay reads it: its position, its payload's type and revision, the JSON, and
 * for a play what the reader already parsed of it ({@code null} when the fold is to parse it).
 */
record RawEvent(long globalIndex, String payloadType, String payloadRevision, byte[] payload, PlayFacts play) {

    RawEvent(long globalIndex, String payloadType, String payloadRevision, byte[] payload) {
        this(globalIndex, payloadType, payloadRevision, payload, null);
    }
}
