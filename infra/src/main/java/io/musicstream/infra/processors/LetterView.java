package io.musicstream.infra.processors;

/**
 * A dead letter.
 *
 * @param sequenceIndex the letter's place in its sequence (0 for the one that failed first)
 * @param globalIndex   the event's global index in the store (its sync token, for library events)
 * @param retries       how often it was retried from the queue and failed again
 */
record LetterView(String sequenceId, long sequenceIndex, String eventId, String eventType, Long globalIndex,
                  Cause cause, String enqueuedAt, String lastTouched, long retries) {

    /** Why the letter's handler failed, as the queue recorded it. */
    record Cause(String type, String message) {
    }
}
