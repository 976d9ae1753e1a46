package io.musicstream.events.account;

/**
 * What a listener pays for. A user without a {@link PlanChanged} is on {@link #FREE}. Royalty pools are declared
 * per plan (the tier).
 */
public enum Plan {
    FREE, PREMIUM
}
