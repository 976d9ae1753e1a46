package io.musicstream.projections.royalty;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a royalty period's close reads from {@link RoyaltyUsageProjection}'s tables: a pool's usages with the
 * shares they pay, the tracks' trailing-12-month streams, the artists' period streams and listeners, and the
 * territory x tier pairs with usage. Each read is one statement over a table's key; the long answers are handed
 * over row by row from a cursor in a read-only transaction of their own, never held whole.
 */
@Repository
public class RoyaltyUsages {

    /** Rows a streamed read takes from the database at a time. */
    static final int FETCH_SIZE = 1_000;

    /** A track's rights holder: its share of the track's money in basis points and its role. */
    public record Share(String partyId, String role, int basisPoints) {
    }

    /**
     * Counted streams of one user, track, UTC day and share version in a pool.
     *
     * @param shareVersion the track's share version in force when they were played; {@code 0} (shares empty)
     *                     when the catalog named no holders then
     * @param shares       the holders of that version, in the catalog's order
     * @param artistIds    the track's artists as of that version (empty for version 0)
     */
    public record Usage(String userId, String trackId, LocalDate day, boolean soughtOut, long streams,
                        int shareVersion, List<Share> shares, List<String> artistIds) {
    }

    /** A track's counted streams over some periods, all territories and tiers. */
    public record TrackStreams(String trackId, long streams) {
    }

    /** An artist's counted streams in a period and the distinct users they came from, all territories and tiers. */
    public record ArtistStreams(String artistId, long streams, long listeners) {
    }

    /** A territory x tier pair (a pool's key within a period). */
    public record PoolKey(String territory, String tier) {
    }

    /** Beyond every period: a bound that takes every usage, however late it was settled. */
    private static final String ANY_SETTLEMENT = "9999-12";
    private static final String USAGES = """
            select u.user_id, u.track_id, u.day, u.sought_out, u.streams, u.share_version,
                   s.party_ids, s.roles, s.basis_points, s.artist_ids
            from (select user_id, track_id, share_version, day, sought_out, sum(streams)::bigint as streams
                  from royalty_usage
                  where period = ? and territory = ? and tier = ? and settled_in <= ?
                  group by user_id, track_id, share_version, day, sought_out) u
            left join royalty_track_share s on s.track_id = u.track_id and s.version = u.share_version
            order by u.user_id, u.track_id, u.share_version, u.day, u.sought_out""";
    private static final String TRACK_STREAMS = """
            select track_id, sum(streams)::bigint from royalty_track_period
            where period between ? and ? and settled_in <= ? group by track_id order by track_id""";
    private static final String ARTIST_STREAMS = """
            select artist_id, sum(streams)::bigint, count(distinct user_id) from royalty_artist_listener
            where period = ? and settled_in <= ? group by artist_id order by artist_id""";
    private static final String SETTLED_LATE = """
            select period from royalty_late_settlement where settled_in = ? order by period""";
    private static final String ISRCS = """
            select distinct on (track_id) track_id, isrc from royalty_track_share
            where track_id = any(?) and isrc is not null order by track_id, version desc""";
    private static final String POOLS = """
            select territory, tier from royalty_period_pool where period = ? order by territory, tier""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    public RoyaltyUsages(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Hands every usage of the pool to {@code each}, however late it was settled (see the bounded read). */
    public void usages(YearMonth period, String territory, String tier, Consumer<Usage> each) {
        readOnly.executeWithoutResult(status -> cursor.query(USAGES, rs -> {
            each.accept(usage(rs));
        }, period.toString(), territory, tier, ANY_SETTLEMENT));
    }

    /**
     * Hands the usages of the pool settled in {@code settledBy} or earlier to {@code each}, summed over their
     * settlement periods, ordered by user, track, share version, day, sought out.
     */
    public void usages(YearMonth period, String territory, String tier, YearMonth settledBy, Consumer<Usage> each) {
        readOnly.executeWithoutResult(status -> cursor.query(USAGES, rs -> {
            each.accept(usage(rs));
        }, period.toString(), territory, tier, settledBy.toString()));
    }

    /** Hands each track's counted streams in the 12 periods ending with {@code period} to {@code each}, by track. */
    public void trailingTrackStreams(YearMonth period, Consumer<TrackStreams> each) {
        trailingTrackStreams(period, YearMonth.parse(ANY_SETTLEMENT), each);
    }

    /** As {@link #trailingTrackStreams(YearMonth, Consumer)}, of the streams settled in {@code settledBy} or earlier. */
    public void trailingTrackStreams(YearMonth period, YearMonth settledBy, Consumer<TrackStreams> each) {
        readOnly.executeWithoutResult(status -> cursor.query(TRACK_STREAMS, rs -> {
            each.accept(new TrackStreams(rs.getString(1), rs.getLong(2)));
        }, period.minusMonths(11).toString(), period.toString(), settledBy.toString()));
    }

    /** Hands each artist's counted streams and listeners in {@code period} to {@code each}, by artist. */
    public void artistStreams(YearMonth period, Consumer<ArtistStreams> each) {
        artistStreams(period, YearMonth.parse(ANY_SETTLEMENT), each);
    }

    /** As {@link #artistStreams(YearMonth, Consumer)}, of the streams settled in {@code settledBy} or earlier. */
    public void artistStreams(YearMonth period, YearMonth settledBy, Consumer<ArtistStreams> each) {
        readOnly.executeWithoutResult(status -> cursor.query(ARTIST_STREAMS, rs -> {
            each.accept(new ArtistStreams(rs.getString(1), rs.getLong(2), rs.getLong(3)));
        }, period.toString(), settledBy.toString()));
    }

    /** The earlier periods with streams settled in {@code settledIn} (plays that came after they closed). */
    public List<YearMonth> settledLateIn(YearMonth settledIn) {
        return jdbc.query(SETTLED_LATE, (rs, n) -> YearMonth.parse(rs.getString(1)), settledIn.toString());
    }

    /** Each track's ISRC as its latest share version names it; tracks without one are left out. */
    public Map<String, String> isrcs(Collection<String> trackIds) {
        Map<String, String> isrcs = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ISRCS)) {
                statement.setArray(1, connection.createArrayOf("text", trackIds.toArray(String[]::new)));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        isrcs.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return null;
        });
        return isrcs;
    }

    /** The territory x tier pairs with counted streams in {@code period}, by territory then tier. */
    public List<PoolKey> pools(YearMonth period) {
        return jdbc.query(POOLS, (rs, n) -> new PoolKey(rs.getString(1), rs.getString(2)), period.toString());
    }

    private static Usage usage(ResultSet rs) throws SQLException {
        String[] parties = strings(rs.getArray(7));
        String[] roles = strings(rs.getArray(8));
        Array pointsArray = rs.getArray(9);
        Integer[] points = pointsArray == null ? new Integer[0] : (Integer[]) pointsArray.getArray();
        List<Share> shares = new ArrayList<>(parties.length);
        for (int i = 0; i < parties.length; i++) {
            shares.add(new Share(parties[i], roles[i], points[i]));
        }
        return new Usage(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBoolean(4),
                rs.getLong(5), rs.getInt(6), List.copyOf(shares), List.of(strings(rs.getArray(10))));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
