package io.musicstream.query.listening.analytics;

import io.musicstream.projections.listening.analytics.StreamAnalytics;
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
 * Streams for analysts: counted streams, plays and time played over a range of UTC days, grouped by track,
 * artist, release, territory or day. JSON pages by default; {@code Accept: text/csv} streams every group.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class AnalyticsController {

    static final String CSV = Csv.MEDIA_TYPE;

    private final StreamAnalytics analytics;

    AnalyticsController(StreamAnalytics analytics) {
        this.analytics = analytics;
    }

    /** One group of a page; {@code name} is the catalog's, for tracks, artists and releases it knows. */
    public record StreamsRow(String key, String name, long streams, long plays, long msPlayed) {
    }

    public record StreamsPage(String groupBy, String from, String to, String territory, int limit, int offset,
                              List<StreamsRow> rows) {
    }

    /** Ordered by streams, most first, then key; {@code limit} groups from {@code offset}. */
    @GetMapping(value = "/streams", produces = {"application/json", "*/*"})
    public StreamsPage streams(@RequestParam(required = false) String groupBy,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) String territory,
                               @RequestParam(defaultValue = "100") int limit,
                               @RequestParam(defaultValue = "0") int offset) {
        StreamAnalytics.Query query = StreamsQuery.of(groupBy, from, to, territory);
        StreamsQuery.page(limit, offset);
        List<StreamsRow> rows = analytics.page(query, limit, offset).stream()
                .map(r -> new StreamsRow(r.key(), r.name(), r.streams(), r.plays(), r.msPlayed())).toList();
        return new StreamsPage(StreamsQuery.wireName(query.groupBy()), query.from().toString(),
                query.to().toString(), query.territory(), limit, offset, rows);
    }

    /**
     * Every group, in the order of the pages, as CSV with a header line; written as the database's cursor hands
     * the rows over, so no answer is held whole.
     */
    @GetMapping(value = "/streams", produces = CSV)
    public void streamsCsv(@RequestParam(required = false) String groupBy,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) String territory,
                           HttpServletResponse response) throws IOException {
        StreamAnalytics.Query query = StreamsQuery.of(groupBy, from, to, territory);
        String filename = "streams-by-" + StreamsQuery.wireName(query.groupBy()) + "-" + query.from() + "-"
                + query.to() + (query.territory() == null ? "" : "-" + query.territory()) + ".csv";
        Csv.stream(response, filename, "key,name,streams,plays,msPlayed", line -> analytics.each(query, row ->
                line.accept(Csv.field(row.key()) + ',' + Csv.field(row.name()) + ',' + row.streams() + ','
                        + row.plays() + ',' + row.msPlayed())));
    }
}
