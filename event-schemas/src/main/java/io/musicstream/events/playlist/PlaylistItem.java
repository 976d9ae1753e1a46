package io.musicstream.events.playlist;

import java.time.Instant;

/**
 * One entry of a playlist; the same track may appear more than once.
 *
 * @param itemId unique within the playlist and never reused: {@code "i"} and a per-playlist counter
 */
public record PlaylistItem(String itemId, String trackId, String addedBy, Instant addedAt) {
}
