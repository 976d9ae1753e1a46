package io.musicstream.command.library;

/** Where a user's library stands in the event store, in sync-token terms. */
public interface LibraryPositions {

    /** The global index (sync token) of the library's latest event, 0 when it has none. */
    long latestToken(String userId);

    /** The library's aggregate sequence number of its latest event at or below the token, -1 when none. */
    long sequenceAt(String userId, long token);

    /** The highest global index the event store has issued (committed or not). */
    long lastIssued();
}
