package io.musicstream.command.library.web;

import io.musicstream.command.library.LibraryPositions;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The sync token a device says it had synced to, checked and turned into what the offline merge compares. */
final class LastSyncTokens {

    private final LibraryPositions positions;

    LastSyncTokens(LibraryPositions positions) {
        this.positions = positions;
    }

    /**
     * The library's sequence number at the token, -1 for 0 (never synced). A token the event store never issued
     * is refused: a device claiming to have seen changes that never existed would win over real ones.
     */
    long lastSeenSequence(String userId, long lastSyncToken) {
        if (lastSyncToken == 0) {
            return -1;
        }
        long issued = positions.lastIssued();
        if (lastSyncToken > issued) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lastSyncToken " + lastSyncToken
                    + " was never issued (the latest is " + issued + ")");
        }
        return positions.sequenceAt(userId, lastSyncToken);
    }
}
