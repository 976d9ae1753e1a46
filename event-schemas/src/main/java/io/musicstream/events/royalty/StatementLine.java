package io.musicstream.events.royalty;

import io.musicstream.events.account.Plan;

/**
 * What one rights holder earns from one track in one territory and tier, for the streams of one period.
 *
 * @param forPeriod   the period the streams belong to, {@code YYYY-MM}: the statement's own, or an earlier one
 *                    for an adjustment (plays that arrived after that period closed)
 * @param streams     the eligible streams after the daily cap
 * @param amountMinor minor units of {@code currency}; an adjustment may be negative
 */
public record StatementLine(
        String trackId,
        String isrc,
        String territory,
        Plan tier,
        String forPeriod,
        long streams,
        long amountMinor,
        String currency) {
}
