package io.musicstream.infra.audit;

import io.musicstream.command.royalty.PeriodFacts;
import io.musicstream.command.royalty.Share;
import io.musicstream.command.royalty.Usage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The replay's own work tables (V19, unlogged, keyed by job): the fold's rows are summed in memory per page and
 * appended with one statement per table (a key seen on two pages has two rows; every reader sums), on a connection
 * of their own while the next page is folded; what the recomputation reads comes back from them. Plain JDBC, so the
 * command line runs it without the service.
 */
final class WorkTables implements ReplayRows {

    private static final String UPSERT_USAGE = """
            insert into audit_replay_usage (job_id, period, territory, tier, settled_in, user_id, track_id,
                share_version, day, sought_out, streams)
            select ?, * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                                    ?::date[], ?::boolean[], ?::bigint[])""";
    private static final String UPSERT_ARTIST = """
            insert into audit_replay_artist (job_id, period, settled_in, artist_id, user_id, streams)
            select ?, * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])""";
    private static final String INSERT_SHARE = """
            insert into audit_replay_share (job_id, track_id, version, valid_from, party_ids, basis_points, isrc,
                artist_ids, global_index)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String USAGES = """
            select u.user_id, u.track_id, u.day, u.sought_out, u.streams, s.party_ids, s.basis_points,
                   s.artist_ids, s.version
            from audit_replay_usage u
            join audit_replay_share s on s.job_id = u.job_id and s.track_id = u.track_id
                                     and s.version = u.share_version
            where u.job_id = ? and u.period = ? and u.territory = ? and u.tier = ? and u.settled_in <= ?""";

    private final Connection connection;
    private final Connection writer;
    private final UUID job;
    private Map<PlayKey, long[]> streams = new HashMap<>();
    private Map<ArtistKey, long[]> artists = new HashMap<>();
    private List<ShareVersion> shares = new ArrayList<>();
    private Future<?> pending;

    /**
     * @param connection what the recomputation reads and the cleaning deletes on
     * @param writer     what the fold's rows are written on, while the next page is folded
     */
    WorkTables(Connection connection, Connection writer, UUID job) {
        this.connection = connection;
        this.writer = writer;
        this.job = job;
    }

    @Override
    public void share(ShareVersion version) {
        shares.add(version);
    }

    @Override
    public void stream(PlayKey play) {
        streams.computeIfAbsent(play, k -> new long[1])[0]++;
    }

    @Override
    public void artistStream(ArtistKey artist) {
        artists.computeIfAbsent(artist, k -> new long[1])[0]++;
    }

    /**
     * Hands what the fold gave since the last flush to {@code writing} (one thread), once the previous flush is
     * written, so the next page is folded while this one is written.
     */
    void flush(ExecutorService writing) throws SQLException {
        awaitWritten();
        Map<PlayKey, long[]> streams = this.streams;
        Map<ArtistKey, long[]> artists = this.artists;
        List<ShareVersion> shares = this.shares;
        this.streams = new HashMap<>();
        this.artists = new HashMap<>();
        this.shares = new ArrayList<>();
        pending = writing.submit(() -> {
            write(streams, artists, shares);
            return null;
        });
    }

    /** Waits for the last flush to be written. */
    void awaitWritten() throws SQLException {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the work rows were written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    private void write(Map<PlayKey, long[]> streams, Map<ArtistKey, long[]> artists, List<ShareVersion> shares)
            throws SQLException {
        Connection connection = writer;
        if (!shares.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SHARE)) {
                for (ShareVersion share : shares) {
                    insert.setObject(1, job);
                    insert.setString(2, share.trackId());
                    insert.setInt(3, share.version());
                    insert.setTimestamp(4, Timestamp.from(share.validFrom()));
                    insert.setArray(5, connection.createArrayOf("text", share.partyIds().toArray()));
                    insert.setArray(6, connection.createArrayOf("int4", share.basisPoints().toArray()));
                    insert.setString(7, share.isrc());
                    insert.setArray(8, connection.createArrayOf("text", share.artistIds().toArray()));
                    insert.setLong(9, share.globalIndex());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!streams.isEmpty()) {
            int n = streams.size();
            String[] periods = new String[n];
            String[] territories = new String[n];
            String[] tiers = new String[n];
            String[] settled = new String[n];
            String[] users = new String[n];
            String[] tracks = new String[n];
            Integer[] versions = new Integer[n];
            java.sql.Date[] days = new java.sql.Date[n];
            Boolean[] soughtOut = new Boolean[n];
            Long[] counts = new Long[n];
            int i = 0;
            for (var entry : streams.entrySet()) {
                PlayKey key = entry.getKey();
                periods[i] = key.period();
                territories[i] = key.territory();
                tiers[i] = key.tier();
                settled[i] = key.settledIn();
                users[i] = key.userId();
                tracks[i] = key.trackId();
                versions[i] = key.shareVersion();
                days[i] = java.sql.Date.valueOf(key.day());
                soughtOut[i] = key.soughtOut();
                counts[i++] = entry.getValue()[0];
            }
            execute(UPSERT_USAGE, text(periods), text(territories), text(tiers), text(settled), text(users),
                    text(tracks), connection.createArrayOf("int4", versions), connection.createArrayOf("date", days),
                    connection.createArrayOf("bool", soughtOut), connection.createArrayOf("int8", counts));
        }
        if (!artists.isEmpty()) {
            int n = artists.size();
            String[] periods = new String[n];
            String[] settled = new String[n];
            String[] artistIds = new String[n];
            String[] users = new String[n];
            Long[] counts = new Long[n];
            int i = 0;
            for (var entry : artists.entrySet()) {
                periods[i] = entry.getKey().period();
                settled[i] = entry.getKey().settledIn();
                artistIds[i] = entry.getKey().artistId();
                users[i] = entry.getKey().userId();
                counts[i++] = entry.getValue()[0];
            }
            execute(UPSERT_ARTIST, text(periods), text(settled), text(artistIds), text(users),
                    connection.createArrayOf("int8", counts));
        }
    }

    private Array text(String[] values) throws SQLException {
        return writer.createArrayOf("text", values);
    }

    private void execute(String sql, Array... arrays) throws SQLException {
        try (PreparedStatement statement = writer.prepareStatement(sql)) {
            statement.setObject(1, job);
            for (int p = 0; p < arrays.length; p++) {
                statement.setArray(p + 2, arrays[p]);
            }
            statement.executeUpdate();
        }
    }

    /** The periods before {@code period} with streams settled in it: those its statements adjust. */
    List<YearMonth> latePeriods(YearMonth period) throws SQLException {
        List<YearMonth> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select distinct period from audit_replay_usage
                where job_id = ? and settled_in = ? and period < ? order by period""")) {
            query.setObject(1, job);
            query.setString(2, period.toString());
            query.setString(3, period.toString());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(YearMonth.parse(rs.getString(1)));
                }
            }
        }
        return found;
    }

    /**
     * The usages of one pool settled by {@code bound}, under the shares in force when they were played; streams
     * under no shares (version 0) or no holders pay nobody and are left out.
     *
     * @param trackArtists filled with the artists the catalog named for each track's versions
     */
    List<Usage> usages(YearMonth period, String territory, String tier, YearMonth bound,
                       Map<String, Set<String>> trackArtists) throws SQLException {
        List<Usage> usages = new ArrayList<>();
        Map<String, List<Share>> interned = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(USAGES)) {
            query.setFetchSize(5_000);
            query.setObject(1, job);
            query.setString(2, period.toString());
            query.setString(3, territory);
            query.setString(4, tier);
            query.setString(5, bound.toString());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String trackId = rs.getString(2);
                    List<Share> shares = interned.get(trackId + '\u001f' + rs.getInt(9));
                    if (shares == null) {
                        String[] parties = (String[]) rs.getArray(6).getArray();
                        Integer[] points = (Integer[]) rs.getArray(7).getArray();
                        List<Share> list = new ArrayList<>(parties.length);
                        for (int i = 0; i < parties.length; i++) {
                            if (points[i] != null && points[i] > 0) {
                                list.add(new Share(parties[i], points[i]));
                            }
                        }
                        shares = List.copyOf(list);
                        interned.put(trackId + '\u001f' + rs.getInt(9), shares);
                        Set<String> named = trackArtists.computeIfAbsent(trackId, t -> new LinkedHashSet<>());
                        for (String artist : (String[]) rs.getArray(8).getArray()) {
                            named.add(artist);
                        }
                    }
                    if (!shares.isEmpty()) {
                        usages.add(new Usage(rs.getString(1), trackId, rs.getDate(3).toLocalDate(), rs.getBoolean(4),
                                rs.getLong(5), shares));
                    }
                }
            }
        }
        return usages;
    }

    /** Per track, its counted streams of the 12 months ending with {@code period}, settled by {@code bound}. */
    Map<String, Long> trailingStreams(YearMonth period, YearMonth bound) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select track_id, sum(streams) from audit_replay_usage
                where job_id = ? and period between ? and ? and settled_in <= ? group by track_id""")) {
            query.setFetchSize(5_000);
            query.setObject(1, job);
            query.setString(2, period.minusMonths(11).toString());
            query.setString(3, period.toString());
            query.setString(4, bound.toString());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return found;
    }

    /** Per artist, the period's counted streams and distinct listeners settled by {@code bound}. */
    Map<String, PeriodFacts.ArtistReach> artistReach(YearMonth period, YearMonth bound) throws SQLException {
        Map<String, PeriodFacts.ArtistReach> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select artist_id, sum(streams), count(distinct user_id) from audit_replay_artist
                where job_id = ? and period = ? and settled_in <= ? group by artist_id""")) {
            query.setFetchSize(5_000);
            query.setObject(1, job);
            query.setString(2, period.toString());
            query.setString(3, bound.toString());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new PeriodFacts.ArtistReach(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return found;
    }

    /** Each track's ISRC as its latest share version before {@code beforeIndex} named it. */
    Map<String, String> isrcs(Collection<String> trackIds, long beforeIndex) throws SQLException {
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select distinct on (track_id) track_id, isrc from audit_replay_share
                where job_id = ? and track_id = any(?) and global_index < ? order by track_id, version desc""")) {
            query.setObject(1, job);
            query.setArray(2, connection.createArrayOf("text", trackIds.toArray()));
            query.setLong(3, beforeIndex);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return found;
    }

    /** Empties the job's rows. */
    void clean() throws SQLException {
        for (String table : List.of("audit_replay_usage", "audit_replay_share", "audit_replay_artist")) {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where job_id = ?")) {
                delete.setObject(1, job);
                delete.executeUpdate();
            }
        }
    }
}
