package io.musicstream.infra.audit;

import io.musicstream.events.account.Plan;
import java.util.List;

/**
 * What a replay found for a period's statements.
 *
 * @param rulesVersion           the rules version the statements were recomputed under
 * @param closedWithRulesVersion the version the period's close recorded
 * @param whatIf                 recomputed under another version than the close's: lines compared, no verdict
 * @param skippedEvents          events read that the catalog or the period would not have stored (left out)
 */
public record ReplayReport(String period, String partyId, int rulesVersion, int closedWithRulesVersion,
                           boolean whatIf, long eventsRead, long countedStreams, long skippedEvents,
                           List<StatementCheck> statements, Totals totals) {

    /**
     * One holder's statement.
     *
     * @param issuedDigest           the digest of the issued statement, {@code null} when none was issued
     * @param recomputedDigest       the digest of the recomputed one, {@code null} when the replay finds none
     * @param match                  both digests present and equal and the issued one recomputes from its own
     *                               lines; {@code null} for a what-if
     * @param issuedDigestRecomputes the issued statement's digest is the one of its own lines
     * @param differingLineCount     lines that differ; at most {@link RoyaltyReplay#MAX_LINES_SHOWN} are shown
     */
    public record StatementCheck(String partyId, String issuedDigest, String recomputedDigest, Boolean match,
                                 boolean issuedDigestRecomputes, int differingLineCount,
                                 List<LineDiff> differingLines) {
    }

    /** A statement line, by its key, as issued and as recomputed; {@code null} on the side that lacks it. */
    public record LineDiff(String trackId, String territory, Plan tier, String forPeriod, String currency,
                           String issuedIsrc, String recomputedIsrc, Long issuedStreams, Long recomputedStreams,
                           Long issuedAmountMinor, Long recomputedAmountMinor) {
    }

    /** Per currency, the streams and amounts of every statement, issued and recomputed. */
    public record CurrencySums(String currency, long issuedStreams, long recomputedStreams, long issuedAmountMinor,
                               long recomputedAmountMinor) {
    }

    /** @param mismatched statements without a match (for a what-if: whose lines differ) */
    public record Totals(int statements, int matched, int mismatched, List<CurrencySums> currencies) {
    }

    /** Whether every statement matched (never for a what-if). */
    public boolean allMatch() {
        return !whatIf && totals.mismatched() == 0;
    }
}
