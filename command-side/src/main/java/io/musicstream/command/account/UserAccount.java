package io.musicstream.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.events.account.RegisterUser;
import io.musicstream.events.account.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's account. Username uniqueness spans all accounts, so it is enforced by the unique constraint of
 * the account projection, which runs in the same transaction as this aggregate's events.
 */
@Aggregate
public class UserAccount {

    @AggregateIdentifier
    private String userId;

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(RegisterUser command) {
        if (command.roles() == null || command.roles().isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        apply(new UserRegistered(command.userId(), command.username(), command.passwordHash(),
                command.roles(), command.registeredAt()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
    }
}
