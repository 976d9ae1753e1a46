package io.musicstream.projections.library;

/** A sync token this feed could not have given: one never issued, or a snapshot position past its base. */
public class UnknownSyncTokenException extends RuntimeException {

    UnknownSyncTokenException(String message) {
        super(message);
    }

    static UnknownSyncTokenException neverIssued(String name, long token, long issued) {
        return new UnknownSyncTokenException(name + " " + token + " was never issued (the latest is " + issued + ")");
    }
}
