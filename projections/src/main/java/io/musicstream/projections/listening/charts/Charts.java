package io.musicstream.projections.listening.charts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads built charts and trending lists: one page of one period's chart per statement, through the primary
 * keys of {@code chart_period} and {@code chart_entry} (or {@code chart_trending}), with each track's title and
 * artists as the catalog's browse tables name them now.
 */
@Repository
public class Charts {

    /** The worldwide chart's territory. */
    public static final String WORLDWIDE = ChartStreamsProjection.WORLDWIDE;

    private final JdbcClient jdbc;

    public Charts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How an entry moved since the previous period. */
    public enum Status { NEW, RE_ENTRY, UP, DOWN, SAME }

    /** An artist of a charted track; {@code name} is null for an artist the catalog does not know. */
    public record Artist(String artistId, String name) {
    }

    /** {@code title} is null (and {@code artists} empty) for a track the catalog no longer knows. */
    public record Entry(int position, String trackId, long streams, Integer previousPosition, int peakPosition,
                        int periodsOnChart, Status status, String title, List<Artist> artists) {
    }

    /** A page of a chart: {@code total} entries in all, {@code entries} from the offset asked. */
    public record Chart(ChartKind kind, String territory, LocalDate from, LocalDate to, Instant builtAt, int total,
                        List<Entry> entries) {
    }

    public record TrendingEntry(int position, String trackId, long streams, double priorMean, double velocity,
                                String title, List<Artist> artists) {
    }

    /**
     * The title and artists of the row's track: a lateral join on {@code track_id}, compared in the browse table's
     * collation so that its primary key is used (the chart tables' ids are {@code "C"}).
     */
    private static final String NAMES = """
            left join browse_track bt on bt.track_id = (%s.track_id collate "default")
            left join lateral (
                select array_agg(x.id order by x.ord) artist_ids, array_agg(a.name order by x.ord) artist_names
                from unnest(bt.artist_ids) with ordinality x(id, ord)
                left join browse_artist a on a.artist_id = x.id
            ) names on true
            """;

    public record Trending(String territory, LocalDate day, Instant builtAt, List<TrendingEntry> entries) {
    }

    /**
     * The chart of {@code territory} ({@link #WORLDWIDE} for the world) for the period holding {@code day}, or
     * the latest built period when {@code day} is null; empty when that period is not built.
     */
    public Optional<Chart> chart(ChartKind kind, String territory, LocalDate day, int limit, int offset) {
        LocalDate start = day == null ? null : kind.start(day);
        List<Chart> found = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                        select p.period_start, p.built_at, t.total, e.position, e.track_id, e.streams,
                               e.previous_position, e.peak_position, e.periods_on_chart, e.status, bt.title,
                               names.artist_ids, names.artist_names
                        from chart_period p
                        cross join lateral (
                            select count(*) as total from chart_entry c where c.kind = p.kind
                                and c.period_start = p.period_start and c.territory = :territory
                        ) t
                        left join lateral (
                            select * from chart_entry e
                            where e.kind = p.kind and e.period_start = p.period_start and e.territory = :territory
                            order by e.position limit :limit offset :offset
                        ) e on true
                        """ + NAMES.formatted("e") + """
                        where p.kind = :kind and p.period_start = coalesce(cast(:start as date),
                            (select max(period_start) from chart_period where kind = :kind))
                        order by e.position""")
                .param("kind", kind.wireName()).param("territory", territory).param("start", start)
                .param("limit", limit).param("offset", offset)
                .query((ResultSet rs) -> {
                    if (found.isEmpty()) {
                        LocalDate from = rs.getObject("period_start", LocalDate.class);
                        found.add(new Chart(kind, territory, from, kind.lastDay(from),
                                rs.getTimestamp("built_at").toInstant(), rs.getInt("total"), entries));
                    }
                    if (rs.getObject("position") != null) {
                        entries.add(entry(rs));
                    }
                });
        return found.stream().findFirst();
    }

    /**
     * The trending list of {@code territory} for {@code day}, or for the latest built day when null; empty when
     * that day's charts are not built.
     */
    public Optional<Trending> trending(String territory, LocalDate day) {
        List<Trending> found = new ArrayList<>();
        List<TrendingEntry> entries = new ArrayList<>();
        jdbc.sql("""
                        select p.period_start, p.built_at, t.position, t.track_id, t.streams, t.prior_mean, t.velocity,
                               bt.title, names.artist_ids, names.artist_names
                        from chart_period p
                        left join chart_trending t on t.day = p.period_start and t.territory = :territory
                        """ + NAMES.formatted("t") + """
                        where p.kind = :kind and p.period_start = coalesce(cast(:day as date),
                            (select max(period_start) from chart_period where kind = :kind))
                        order by t.position""")
                .param("kind", ChartKind.DAILY.wireName()).param("territory", territory).param("day", day)
                .query((ResultSet rs) -> {
                    if (found.isEmpty()) {
                        found.add(new Trending(territory, rs.getObject("period_start", LocalDate.class),
                                rs.getTimestamp("built_at").toInstant(), entries));
                    }
                    if (rs.getObject("position") != null) {
                        entries.add(new TrendingEntry(rs.getInt("position"), rs.getString("track_id"),
                                rs.getLong("streams"), rs.getDouble("prior_mean"), rs.getDouble("velocity"),
                                rs.getString("title"), artists(rs)));
                    }
                });
        return found.stream().findFirst();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getInt("position"), rs.getString("track_id"), rs.getLong("streams"),
                rs.getObject("previous_position", Integer.class), rs.getInt("peak_position"),
                rs.getInt("periods_on_chart"), Status.valueOf(rs.getString("status")), rs.getString("title"),
                artists(rs));
    }

    private static List<Artist> artists(ResultSet rs) throws SQLException {
        java.sql.Array ids = rs.getArray("artist_ids");
        if (ids == null) {
            return List.of();
        }
        String[] artistIds = (String[]) ids.getArray();
        String[] names = (String[]) rs.getArray("artist_names").getArray();
        List<Artist> artists = new ArrayList<>(artistIds.length);
        for (int i = 0; i < artistIds.length; i++) {
            artists.add(new Artist(artistIds[i], names[i]));
        }
        return artists;
    }
}
