package io.musicstream.events.royalty;

/** What was decided about paying royalties: the rules and the money of each period. */
public sealed interface RoyaltyEvent permits RoyaltyRulesAdopted, RevenuePoolDeclared, RoyaltyPeriodClosed {
}
