package io.musicstream.events.royalty;

/** What was decided about paying royalties: the rules, the money of each period and the statements it pays. */
public sealed interface RoyaltyEvent permits RoyaltyRulesAdopted, RevenuePoolDeclared, RoyaltyStatementIssued {
}
