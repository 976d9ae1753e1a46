package io.musicstream.events.account;

/** What happened to a user's account. */
public sealed interface AccountEvent permits UserRegistered, UserCountryChanged, UserPasswordChanged, UserRolesChanged,
        PlanChanged {

    String userId();
}
