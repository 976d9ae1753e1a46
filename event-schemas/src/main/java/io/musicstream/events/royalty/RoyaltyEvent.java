package io.musicstream.events.royalty;

/**
 * What was decided about paying royalties: the rules, the money of each period, its close and the statements it
 * pays.
 */
public sealed interface RoyaltyEvent permits RoyaltyRulesAdopted, RevenuePoolDeclared, RoyaltyPeriodClosed,
        RoyaltyStatementIssued {
}
