package io.musicstream.command.royalty;

/** The royalty rules as the event store holds them. */
public interface RoyaltyRulesInForce {

    RoyaltyRuleHistory history();
}
