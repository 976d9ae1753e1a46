package io.musicstream.command.library;

import java.time.Instant;

/**
 * An item's last change.
 *
 * @param sequence the aggregate sequence number of the event that made it
 */
record ItemState(boolean saved, Instant changedAt, long sequence) {
}
