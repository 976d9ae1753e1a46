package io.musicstream.events.royalty;

/** How a revenue pool is split over the streams of its period, territory and tier (docs/royalties.md). */
public enum PayoutModel {
    /** The pool over every track by its share of all streams. */
    PRO_RATA,
    /** The pool equally over the users, then each user's part over that user's own streams. */
    USER_CENTRIC,
    /** Pro-rata over weighted streams: streams of established artists and streams sought out weigh more. */
    ARTIST_CENTRIC
}
