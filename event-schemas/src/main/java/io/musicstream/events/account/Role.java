package io.musicstream.events.account;

/** What a user may do. A user carries one or more roles. */
public enum Role {
    LISTENER, PREMIUM, CURATOR, ADMIN, AUDITOR, ANALYST
}
