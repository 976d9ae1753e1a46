package io.musicstream.command.playlist;

import io.musicstream.command.common.ConflictException;

/**
 * An edit made on an older snapshot whose positions no longer point at the same items (or on a snapshot the
 * playlist cannot rebase from); the client refetches from {@link #currentSnapshotId()}.
 */
public class SnapshotConflictException extends ConflictException {

    private final String currentSnapshotId;

    public SnapshotConflictException(String message, String currentSnapshotId) {
        super(message + "; the current snapshotId is " + currentSnapshotId);
        this.currentSnapshotId = currentSnapshotId;
    }

    public String currentSnapshotId() {
        return currentSnapshotId;
    }
}
