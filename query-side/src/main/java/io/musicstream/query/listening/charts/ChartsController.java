package io.musicstream.query.listening.charts;

import io.musicstream.projections.listening.charts.ChartBuilder;
import io.musicstream.projections.listening.charts.ChartKind;
import io.musicstream.projections.listening.charts.Charts;
import io.musicstream.query.catalog.browse.Territories;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Daily and weekly top 200 per territory ({@code global}: worldwide) and the daily trending list, as built
 * once each period is complete. Days are UTC; weeks run Monday to Sunday.
 */
@RestController
@Validated
@RequestMapping("/api/v1/charts")
class ChartsController {

    private static final String GLOBAL = "global";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 24);

    private final Charts charts;
    private final ChartBuilder builder;
    private final Territories territories;
    private final Clock clock;

    ChartsController(Charts charts, ChartBuilder builder, Territories territories,
                     Clock clock) {
        this.charts = charts;
        this.builder = builder;
        this.territories = territories;
        this.clock = clock;
    }

    public record ArtistRef(String artistId, String name) {
    }

    /** A charted track; {@code title} is null for a track the catalog no longer knows. */
    public record TrackRef(String trackId, String title, List<ArtistRef> artists) {
    }

    public record Entry(int position, TrackRef track, long streams, Integer previousPosition, int peakPosition,
                        int periodsOnChart, Charts.Status status) {
    }

    public record ChartPage(String territory, String period, LocalDate from, LocalDate to, Instant builtAt,
                            int total, int limit, int offset, List<Entry> entries) {
    }

    public record TrendingEntry(int position, TrackRef track, long streams, double priorMean, double velocity) {
    }

    public record TrendingPage(String territory, LocalDate date, Instant builtAt, List<TrendingEntry> entries) {
    }

    @GetMapping("/{territory}/{period}")
    public ChartPage chart(@PathVariable String territory, @PathVariable String period,
                           @RequestParam(required = false) String date,
                           @RequestParam(defaultValue = "200") @Min(1) @Max(ChartBuilder.CHART_SIZE) int limit,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(ChartBuilder.CHART_SIZE - 1) int offset) {
        ChartKind kind = Stream.of(ChartKind.values()).filter(k -> k.wireName().equals(period)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no chart period '" + abbreviate(period) + "'; use daily, weekly or trending"));
        String code = territory(territory);
        LocalDate day = date(date);
        Charts.Chart chart = charts.chart(kind, code, day, limit, offset)
                .orElseThrow(() -> notBuilt(kind, day));
        return new ChartPage(territory, kind.wireName(), chart.from(), chart.to(), chart.builtAt(), chart.total(),
                limit, offset, chart.entries().stream().map(e -> new Entry(e.position(),
                        track(e.trackId(), e.title(), e.artists()), e.streams(), e.previousPosition(), e.peakPosition(),
                        e.periodsOnChart(), e.status())).toList());
    }

    @GetMapping("/{territory}/trending")
    public TrendingPage trending(@PathVariable String territory, @RequestParam(required = false) String date) {
        String code = territory(territory);
        LocalDate day = date(date);
        Charts.Trending trending = charts.trending(code, day).orElseThrow(() -> notBuilt(ChartKind.DAILY, day));
        return new TrendingPage(territory, trending.day(), trending.builtAt(), trending.entries().stream()
                .map(e -> new TrendingEntry(e.position(), track(e.trackId(), e.title(), e.artists()), e.streams(),
                        e.priorMean(), e.velocity())).toList());
    }

    /** The chart's territory: {@code global}, or an ISO 3166-1 alpha-2 code (a 400 otherwise). */
    private String territory(String territory) {
        if (territory.equals(GLOBAL)) {
            return Charts.WORLDWIDE;
        }
        try {
            return territories.of(territory, null);
        } catch (ResponseStatusException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "territory must be global or an ISO 3166-1 "
                    + "alpha-2 country code in capitals, such as SE; got '" + abbreviate(territory) + "'");
        }
    }

    private static LocalDate date(String date) {
        if (date == null) {
            return null;
        }
        try {
            if (DATE.matcher(date).matches()) {
                LocalDate day = LocalDate.parse(date);
                if (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)) {
                    return day;
                }
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date must be a day as YYYY-MM-DD between "
                + FIRST_DAY + " and " + LAST_DAY + "; got '" + abbreviate(date) + "'");
    }

    private ResponseStatusException notBuilt(ChartKind kind, LocalDate day) {
        if (day == null) {
            return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + kind.wireName()
                    + " chart has been built yet");
        }
        LocalDate start = kind.start(day);
        Instant due = builder.dueAt(kind, day);
        String chart = "the " + kind.wireName() + " chart of " + start
                + (kind == ChartKind.WEEKLY ? " to " + kind.lastDay(start) : "");
        if (due.isAfter(clock.instant())) {
            return new ResponseStatusException(HttpStatus.NOT_FOUND, chart + " is not built yet; charts of a period "
                    + "are built once it is complete, at " + due + " at the earliest");
        }
        return new ResponseStatusException(HttpStatus.NOT_FOUND, chart + " is not built: it was due at " + due
                + "; it is built within minutes once the stream counts have passed that time, and periods before "
                + "the first counted stream are never built");
    }

    private static TrackRef track(String trackId, String title, List<Charts.Artist> artists) {
        return new TrackRef(trackId, title, title == null ? List.of()
                : artists.stream().map(a -> new ArtistRef(a.artistId(), a.name())).toList());
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
