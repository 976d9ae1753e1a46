package io.musicstream.command.account;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.account.Plan;
import io.musicstream.events.account.PlanChanged;
import io.musicstream.events.account.Role;
import io.musicstream.events.account.UserCountryChanged;
import io.musicstream.events.account.UserPasswordChanged;
import io.musicstream.events.account.UserRegistered;
import io.musicstream.events.account.UserRolesChanged;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private final AggregateTestFixture<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);

    @Test
    void registeringRecordsTheAccountWithItsHashAndRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("u-1", "ada", "hash", Set.of(Role.LISTENER), null, T0))
                .expectEvents(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0));
    }

    @Test
    void registeringWithACountryRecordsTheCountry() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("u-1", "ada", "hash", Set.of(Role.LISTENER), "SE", T0))
                .expectEvents(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0),
                        new UserCountryChanged("u-1", "SE", T0));
    }

    @Test
    void anAccountNeedsARole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("u-1", "ada", "hash", Set.of(), null, T0))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }

    @Test
    void cannotRegisterWithAnUnknownCountry() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("u-1", "ada", "hash", Set.of(Role.LISTENER), "XX", T0))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void movingToAnotherCountryIsRecordedOnce() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0),
                        new UserCountryChanged("u-1", "SE", T0))
                .when(new ChangeUserCountry("u-1", "DE", T1))
                .expectEvents(new UserCountryChanged("u-1", "DE", T1));
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0),
                        new UserCountryChanged("u-1", "SE", T0))
                .when(new ChangeUserCountry("u-1", "SE", T1))
                .expectNoEvents();
    }

    @Test
    void cannotMoveToAnUnknownCountry() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0))
                .when(new ChangeUserCountry("u-1", "se", T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void changingThePasswordRecordsOnlyTheNewHash() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0))
                .when(new ChangeUserPassword("u-1", "new-hash", T1))
                .expectEvents(new UserPasswordChanged("u-1", "new-hash", T1));
    }

    @Test
    void cannotChangeThePasswordToABlankHash() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0))
                .when(new ChangeUserPassword("u-1", " ", T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void grantingRolesRecordsTheNewSetAndWhoSetIt() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0))
                .when(new ChangeUserRoles("u-1", Set.of(Role.LISTENER, Role.CURATOR), "admin-1", T1))
                .expectEvents(new UserRolesChanged("u-1", java.util.EnumSet.of(Role.LISTENER, Role.CURATOR), "admin-1", T1));
    }

    @Test
    void settingTheRolesAUserAlreadyHasRecordsNothing() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0),
                        new UserRolesChanged("u-1", Set.of(Role.CURATOR, Role.LISTENER), "admin-1", T1))
                .when(new ChangeUserRoles("u-1", Set.of(Role.LISTENER, Role.CURATOR), "admin-1", T1))
                .expectNoEvents();
    }

    @Test
    void revokingEveryRoleIsRefused() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0))
                .when(new ChangeUserRoles("u-1", Set.of(), "admin-1", T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void cannotChangeTheRolesOfAnUnknownUser() {
        fixture.givenNoPriorActivity()
                .when(new ChangeUserRoles("u-404", Set.of(Role.ADMIN), "admin-1", T1))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    private static final UserRegistered LISTENER =
            new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0);
    private static final PlanChanged ADMIN_MADE_PREMIUM =
            new PlanChanged("u-1", Plan.PREMIUM, PlanChanged.ADMIN, "admin-1", T0);
    private static final UserRolesChanged PREMIUM_ROLE_ADDED =
            new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER, Role.PREMIUM), "admin-1", T0);

    @Test
    void goingPremiumRecordsThePlanThenAddsThePremiumRole() {
        fixture.given(LISTENER)
                .when(new ChangePlan("u-1", Plan.PREMIUM, PlanChanged.ADMIN, "admin-1", T1))
                .expectEvents(new PlanChanged("u-1", Plan.PREMIUM, PlanChanged.ADMIN, "admin-1", T1),
                        new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER, Role.PREMIUM), "admin-1", T1))
                .expectResultMessagePayload(new PlanChangeResult(Plan.PREMIUM,
                        EnumSet.of(Role.LISTENER, Role.PREMIUM), true, false));
    }

    @Test
    void goingFreeRecordsThePlanThenRemovesThePremiumRoleOnly() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER, Role.CURATOR), T0),
                        new PlanChanged("u-1", Plan.PREMIUM, PlanChanged.ADMIN, "admin-1", T0),
                        new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER, Role.CURATOR, Role.PREMIUM),
                                "admin-1", T0))
                .when(new ChangePlan("u-1", Plan.FREE, PlanChanged.BILLING, "evt-2", T1))
                .expectEvents(new PlanChanged("u-1", Plan.FREE, PlanChanged.BILLING, "evt-2", T1),
                        new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER, Role.CURATOR), PlanChanged.BILLING,
                                T1));
    }

    @Test
    void aUserWithoutAPlanChangeIsFreeSoGoingFreeRecordsNothing() {
        fixture.given(LISTENER)
                .when(new ChangePlan("u-1", Plan.FREE, PlanChanged.ADMIN, "admin-1", T1))
                .expectNoEvents()
                .expectResultMessagePayload(new PlanChangeResult(Plan.FREE, EnumSet.of(Role.LISTENER), false,
                        false));
    }

    @Test
    void changingToTheCurrentPlanRecordsNothing() {
        fixture.given(LISTENER, ADMIN_MADE_PREMIUM, PREMIUM_ROLE_ADDED)
                .when(new ChangePlan("u-1", Plan.PREMIUM, PlanChanged.ADMIN, "admin-2", T1))
                .expectNoEvents();
    }

    @Test
    void aPremiumRoleThatDisagreesWithThePlanIsAlignedWithoutAPlanChange() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER, Role.PREMIUM), T0))
                .when(new ChangePlan("u-1", Plan.FREE, PlanChanged.ADMIN, "admin-1", T1))
                .expectEvents(new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER), "admin-1", T1));
    }

    @Test
    void goingFreeNeverLeavesAUserWithoutARole() {
        fixture.given(new UserRegistered("u-1", "ada", "hash", Set.of(Role.PREMIUM), T0),
                        ADMIN_MADE_PREMIUM)
                .when(new ChangePlan("u-1", Plan.FREE, PlanChanged.ADMIN, "admin-1", T1))
                .expectEvents(new PlanChanged("u-1", Plan.FREE, PlanChanged.ADMIN, "admin-1", T1),
                        new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER), "admin-1", T1));
    }

    @Test
    void aRepeatedPaymentProviderEventChangesNothingEvenAfterALaterChange() {
        fixture.given(LISTENER,
                        new PlanChanged("u-1", Plan.PREMIUM, PlanChanged.BILLING, "evt-1", T0),
                        PREMIUM_ROLE_ADDED,
                        new PlanChanged("u-1", Plan.FREE, PlanChanged.ADMIN, "admin-1", T0),
                        new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER), "admin-1", T0))
                .when(new ChangePlan("u-1", Plan.PREMIUM, PlanChanged.BILLING, "evt-1", T1))
                .expectNoEvents()
                .expectResultMessagePayload(new PlanChangeResult(Plan.FREE, EnumSet.of(Role.LISTENER), false,
                        true));
    }

    @Test
    void anAdminIdThatLooksLikeAProviderEventIdIsNotTakenForARepeat() {
        fixture.given(LISTENER, new PlanChanged("u-1", Plan.PREMIUM, PlanChanged.ADMIN, "evt-1", T0),
                        PREMIUM_ROLE_ADDED)
                .when(new ChangePlan("u-1", Plan.FREE, PlanChanged.BILLING, "evt-1", T1))
                .expectEvents(new PlanChanged("u-1", Plan.FREE, PlanChanged.BILLING, "evt-1", T1),
                        new UserRolesChanged("u-1", EnumSet.of(Role.LISTENER), PlanChanged.BILLING, T1));
    }

    @Test
    void aPlanChangeNeedsAPlanAKnownSourceAndWhoChangedIt() {
        fixture.given(LISTENER)
                .when(new ChangePlan("u-1", null, PlanChanged.ADMIN, "admin-1", T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(LISTENER)
                .when(new ChangePlan("u-1", Plan.PREMIUM, "SELF", "admin-1", T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(LISTENER)
                .when(new ChangePlan("u-1", Plan.PREMIUM, PlanChanged.BILLING, " ", T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void cannotChangeThePlanOfAnUnknownUser() {
        fixture.givenNoPriorActivity()
                .when(new ChangePlan("u-404", Plan.PREMIUM, PlanChanged.ADMIN, "admin-1", T1))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
