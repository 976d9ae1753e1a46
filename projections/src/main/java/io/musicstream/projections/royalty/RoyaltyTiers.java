package io.musicstream.projections.royalty;

import java.time.Instant;

/** The subscription tier a play's streams are paid from: the listener's plan when the play started. */
public interface RoyaltyTiers {

    /** The tier's name (a plan: {@code FREE} or {@code PREMIUM}) of {@code userId} at {@code at}. */
    String tierOf(String userId, Instant at);
}
