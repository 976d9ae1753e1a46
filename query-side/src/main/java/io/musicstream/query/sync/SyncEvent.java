package io.musicstream.query.sync;

/** The data of a {@code sync} push event: the user's newest token to sync up to. */
record SyncEvent(long syncToken) {
}
