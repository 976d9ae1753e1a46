package io.musicstream.events.playlist;

import java.time.Instant;

/**
 * A change to one playlist. Events that change its items or details carry {@code snapshotId}: the playlist's
 * revision after the event as a decimal string ("1" after creation, then one more per such event), which
 * clients treat as opaque.
 */
public sealed interface PlaylistEvent permits PlaylistCreated, PlaylistDetailsChanged, PlaylistDeleted,
        PlaylistItemsAdded, PlaylistItemsRemoved, PlaylistItemsMoved, PlaylistItemsReplaced, CollaboratorInvited,
        InvitationAccepted, InvitationDeclined, InvitationExpired, CollaboratorRemoved {

    String playlistId();

    /** When the change was made (the server's time of the command). */
    Instant at();

    /** The user who made the change, or {@code "system"} for an expiry. */
    String by();
}
