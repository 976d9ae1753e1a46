package io.musicstream.events.account;

/** What a listener pays for. A user without a {@link PlanChanged} is on {@link #FREE}. */
public enum Plan {
    FREE, PREMIUM
}
