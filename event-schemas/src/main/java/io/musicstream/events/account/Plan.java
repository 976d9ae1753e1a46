package io.musicstream.events.account;

/** A user's subscription plan; royalty pools are declared per plan (tier). */
public enum Plan {
    FREE,
    PREMIUM
}
