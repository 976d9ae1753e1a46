package io.musicstream.infra.royalty;

import io.musicstream.command.royalty.RoyaltyRulesInForce;
import io.musicstream.command.royalty.SettledUsages;
import io.musicstream.command.royalty.StatementIssuer;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The royalty handlers of the command side, wired to their ports' adapters. */
@Configuration(proxyBeanMethods = false)
class RoyaltyConfig {

    @Bean
    StatementIssuer statementIssuer(CommandGateway commands, EventStore events, SettledUsages usages,
                                    RoyaltyRulesInForce rules, Clock clock) {
        return new StatementIssuer(commands, events, usages, rules, clock);
    }
}
