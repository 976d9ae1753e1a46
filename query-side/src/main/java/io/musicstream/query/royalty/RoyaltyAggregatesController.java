package io.musicstream.query.royalty;

import io.musicstream.projections.royalty.statements.RoyaltyAggregates;
import io.musicstream.query.common.Csv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Royalty aggregates for analysts, auditors and admins: counted streams per UTC day, track, rights holder,
 * territory and tier of a period and, once the period's statements are issued, the money each day earned (each
 * statement line apportioned over its days). JSON pages by default; {@code Accept: text/csv} streams every row.
 */
@RestController
@RequestMapping("/api/v1/royalties")
@PreAuthorize("hasAnyRole('ANALYST','AUDITOR','ADMIN')")
class RoyaltyAggregatesController {

    private final RoyaltyAggregates aggregates;

    RoyaltyAggregatesController(RoyaltyAggregates aggregates) {
        this.aggregates = aggregates;
    }

    /** @param amountMinor {@code null} until the period's statements are issued */
    public record AggregateRow(String day, String trackId, String partyId, String territory, String tier,
                               long streams, Long amountMinor, String currency) {
    }

    public record AggregatePage(String period, String trackId, String partyId, String territory, String tier,
                                int limit, int offset, List<AggregateRow> rows) {
    }

    /** Ordered by day, track, holder, territory, tier; {@code limit} rows from {@code offset}. */
    @GetMapping(value = "/streams", produces = "application/json")
    public AggregatePage streams(@RequestParam(required = false) String period,
                                 @RequestParam(required = false) String trackId,
                                 @RequestParam(required = false) String partyId,
                                 @RequestParam(required = false) String territory,
                                 @RequestParam(required = false) String tier,
                                 @RequestParam(defaultValue = "100") int limit,
                                 @RequestParam(defaultValue = "0") int offset) {
        RoyaltyAggregates.Query query = query(period, trackId, partyId, territory, tier);
        RoyaltyInputs.limit(limit);
        RoyaltyInputs.offset(offset);
        List<AggregateRow> rows = aggregates.page(query, limit, offset).stream()
                .map(r -> new AggregateRow(r.day().toString(), r.trackId(), r.partyId(), r.territory(), r.tier(),
                        r.streams(), r.amountMinor(), r.currency())).toList();
        return new AggregatePage(query.period().toString(), trackId, partyId, territory, tier, limit, offset, rows);
    }

    /** Every row, in the order of the pages, as CSV with a header line, written as the database's cursor hands it. */
    @GetMapping(value = "/streams", produces = Csv.MEDIA_TYPE)
    public void streamsCsv(@RequestParam(required = false) String period,
                           @RequestParam(required = false) String trackId,
                           @RequestParam(required = false) String partyId,
                           @RequestParam(required = false) String territory,
                           @RequestParam(required = false) String tier,
                           HttpServletResponse response) throws IOException {
        RoyaltyAggregates.Query query = query(period, trackId, partyId, territory, tier);
        Csv.stream(response, "royalty-streams-" + query.period() + ".csv",
                "day,trackId,partyId,territory,tier,streams,amountMinor,currency",
                line -> aggregates.each(query, r -> line.accept(r.day() + "," + Csv.field(r.trackId()) + ','
                        + Csv.field(r.partyId()) + ',' + r.territory() + ',' + r.tier() + ',' + r.streams() + ','
                        + (r.amountMinor() == null ? "" : r.amountMinor()) + ','
                        + (r.currency() == null ? "" : r.currency()))));
    }

    private static RoyaltyAggregates.Query query(String period, String trackId, String partyId, String territory,
                                                 String tier) {
        return new RoyaltyAggregates.Query(RoyaltyInputs.period(period), RoyaltyInputs.id("trackId", trackId),
                RoyaltyInputs.id("partyId", partyId), RoyaltyInputs.territory(territory), RoyaltyInputs.tier(tier));
    }
}
