package io.musicstream.command.playlist;

import java.time.Instant;

/** An invitation to collaborate and what became of it. */
record Invitation(String inviteeId, Instant expiresAt, Status status) {

    enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED }

    /** Pending and not yet lapsed at {@code at}, even when its expiry is not recorded yet. */
    boolean openAt(Instant at) {
        return status == Status.PENDING && at.isBefore(expiresAt);
    }

    Invitation with(Status next) {
        return new Invitation(inviteeId, expiresAt, next);
    }
}
