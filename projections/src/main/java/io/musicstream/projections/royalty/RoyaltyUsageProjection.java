package io.musicstream.projections.royalty;

import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a royalty period's close needs: each track's rights shares over time ({@code royalty_track_share}) and
 * the counted streams per period, territory, tier, user, track, share version, day and whether the listener
 * sought the track out ({@code royalty_usage}), with the period's streams per track ({@code royalty_track_period})
 * and per artist and listener ({@code royalty_artist_listener}), and the territory x tier pairs with usage
 * ({@code royalty_period_pool}).
 *
 * <p>A batch is summed in memory and written as it commits, in the transaction that stores the processor's token,
 * so a redelivered batch counts once: the batch's share changes first, then its plays, each play under the share
 * version in force at its start (one lookup of the batch's tracks). A release's share changes and its tracks' plays
 * are one dead-letter sequence (infra's {@code DeadLetterConfig.PerRelease}), so a share change that cannot be stored
 * holds back its release's later plays instead of letting them count under older shares. {@link #reset()} empties
 * every table for a replay.
 *
 * <p>Settlement (docs/royalties.md): the processor runs one segment, so events come in global index order, and
 * it remembers each {@link RoyaltyPeriodClosed} with its index ({@code royalty_closed_period}). A counted play is
 * settled in the first period at or after its own that no close before it in the stream closed; every usage row
 * carries that period ({@code settled_in}), and {@code royalty_late_settlement} names the periods settled late.
 */
@Component
@ProcessingGroup(RoyaltyUsageProjection.PROCESSING_GROUP)
public class RoyaltyUsageProjection {

    public static final String PROCESSING_GROUP = "royalty";
    /** The territory of plays that counted nowhere known: never a country code. */
    public static final String UNKNOWN_TERRITORY = "XX";
    /** The share version of streams played before the catalog named the track's holders: they pay nobody. */
    public static final int NO_SHARES = 0;
    private static final long UNKNOWN_POSITION = Long.MAX_VALUE;
    /** Bytes of UTF-8 per id: the ids of a key share an index row of about 2.7 KB. */
    static final int MAX_ID_BYTES = 400;
    private static final String BATCH = RoyaltyUsageProjection.class.getName() + ".batch";
    private static final String SEPARATOR = "\u001f";

    private static final String LATEST_SHARES = """
            select distinct on (track_id) track_id, version, valid_from, party_ids, basis_points, roles
            from royalty_track_share where track_id = any(?) order by track_id, version desc""";
    private static final String INSERT_SHARES = """
            insert into royalty_track_share
                (track_id, version, valid_from, party_ids, basis_points, roles, isrc, artist_ids)
            select r.track_id, r.version, r.valid_from, string_to_array(r.parties, chr(31)),
                   string_to_array(r.points, chr(31))::int[], string_to_array(r.roles, chr(31)), r.isrc,
                   string_to_array(r.artists, chr(31))
            from unnest(?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(track_id, version, valid_from, parties, points, roles, isrc, artists)""";
    private static final String SHARE_VERSIONS = """
            select track_id, version, valid_from from royalty_track_share
            where track_id = any(?) order by track_id, version""";
    private static final String UPSERT_USAGE = """
            insert into royalty_usage as u
                (period, territory, tier, user_id, track_id, share_version, day, sought_out, settled_in, streams)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::date[],
                                 ?::boolean[], ?::text[], ?::bigint[])
            on conflict (period, territory, tier, user_id, track_id, share_version, day, sought_out, settled_in)
            do update set streams = u.streams + excluded.streams""";
    private static final String UPSERT_TRACK_PERIOD = """
            insert into royalty_track_period as t (period, track_id, settled_in, streams)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::bigint[])
            on conflict (period, track_id, settled_in) do update set streams = t.streams + excluded.streams""";
    private static final String UPSERT_ARTIST_LISTENER = """
            insert into royalty_artist_listener as a (period, artist_id, user_id, settled_in, streams)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
            on conflict (period, artist_id, user_id, settled_in) do update set streams = a.streams + excluded.streams""";
    private static final String INSERT_POOLS = """
            insert into royalty_period_pool (period, territory, tier)
            select * from unnest(?::text[], ?::text[], ?::text[])
            on conflict do nothing""";
    private static final String CLOSED_PERIODS = "select period, closed_index from royalty_closed_period";
    private static final String INSERT_CLOSED = """
            insert into royalty_closed_period (period, closed_index)
            select * from unnest(?::text[], ?::bigint[])
            on conflict do nothing""";
    private static final String INSERT_LATE = """
            insert into royalty_late_settlement (settled_in, period)
            select * from unnest(?::text[], ?::text[])
            on conflict do nothing""";

    private final JdbcTemplate jdbc;

    public RoyaltyUsageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReleaseIngested release) {
        Instant at = Storable.present("ingestedAt", release.ingestedAt());
        List<TrackSpec> tracks = release.tracks() == null ? List.of() : release.tracks();
        List<ShareChange> changes = new ArrayList<>(tracks.size());
        for (TrackSpec track : tracks) {
            changes.add(change(track, at));
        }
        batch().shareChanges.addAll(changes);
    }

    @EventHandler
    void on(TrackAddedToRelease added) {
        batch().shareChanges.add(change(added.track(), Storable.present("addedAt", added.addedAt())));
    }

    @EventHandler
    void on(TrackMetadataUpdated updated) {
        batch().shareChanges.add(change(updated.track(), Storable.present("updatedAt", updated.updatedAt())));
    }

    @EventHandler
    void on(RoyaltyPeriodClosed closed, EventMessage<?> message) {
        String period = Storable.text("period", closed.period(), MAX_ID_BYTES);
        long position = position(message);
        batch().closes.add(new Close(period, position == UNKNOWN_POSITION ? -1 : position));
    }

    @EventHandler
    void on(TrackPlayed play, EventMessage<?> message) {
        if (!play.counted()) {
            return;
        }
        // checked before buffering: a refusal at the batch's commit would fail the whole batch
        Storable.text("userId", play.userId(), MAX_ID_BYTES);
        Storable.text("trackId", play.trackId(), MAX_ID_BYTES);
        Storable.optionalText("playedIn", play.playedIn(), MAX_ID_BYTES);
        Instant startedAt = Storable.present("startedAt", play.startedAt());
        for (String artistId : play.artistIds()) {
            Storable.text("artistIds[]", artistId, MAX_ID_BYTES);
        }
        // the plan the play was recorded under; plays recorded before plays carried it, or of users without an
        // account here, are paid from the free tier
        String tier = (play.tier() == null ? Plan.FREE : play.tier()).name();
        LocalDate day = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
        String period = YearMonth.from(day).toString();
        String territory = play.playedIn() == null ? UNKNOWN_TERRITORY : play.playedIn();
        Batch batch = batch();
        batch.plays.add(new Play(new UsageKey(period, territory, tier, play.userId(), play.trackId(), NO_SHARES, day,
                soughtOut(play.context()), period), startedAt, position(message), batch.closes.size(),
                play.artistIds().stream().distinct().toList()));
        batch.pools.add(new Pool(period, territory, tier));
    }

    /** The event's global index; events handed over without a token (tests) count as after every close stored. */
    private static long position(EventMessage<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(UNKNOWN_POSITION) : UNKNOWN_POSITION;
    }

    /**
     * The period a play is settled in: the first at or after its own that no close before the play in the event
     * stream closed (a close stored with a lower global index, or earlier in the play's batch).
     */
    private static String settledIn(Play play, Map<String, Long> stored, List<Close> batchCloses) {
        String period = play.key().period();
        if (!closedBefore(period, play, stored, batchCloses)) {
            return period;
        }
        YearMonth month = YearMonth.parse(period);
        do {
            month = month.plusMonths(1);
        } while (closedBefore(month.toString(), play, stored, batchCloses));
        return month.toString();
    }

    private static boolean closedBefore(String period, Play play, Map<String, Long> stored, List<Close> batchCloses) {
        Long index = stored.get(period);
        if (index != null && index < play.position()) {
            return true;
        }
        for (int i = 0; i < play.closesBefore(); i++) {
            if (batchCloses.get(i).period().equals(period)) {
                return true;
            }
        }
        return false;
    }

    /** Search and the library are sought out; the listener's own playlists too, once playlists have owners. */
    static boolean soughtOut(PlayContext context) {
        return context != null
                && (context.type() == PlayContext.Type.SEARCH || context.type() == PlayContext.Type.LIBRARY);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate royalty_track_share, royalty_usage, royalty_track_period, royalty_artist_listener,"
                + " royalty_period_pool, royalty_closed_period, royalty_late_settlement");
    }

    private Batch batch() {
        return UnitOfWorkBatch.current(BATCH, Batch::new, this::write);
    }

    private static ShareChange change(TrackSpec track, Instant at) {
        Storable.present("track", track);
        Storable.text("trackId", track.trackId(), MAX_ID_BYTES);
        Storable.optionalText("isrc", track.isrc(), MAX_ID_BYTES);
        List<RightsShare> holders = track.rightsHolders() == null ? List.of() : track.rightsHolders();
        List<String> parties = new ArrayList<>(holders.size());
        List<Integer> points = new ArrayList<>(holders.size());
        List<String> roles = new ArrayList<>(holders.size());
        for (RightsShare holder : holders) {
            Storable.present("rightsHolders[]", holder);
            parties.add(separable("rightsHolders[].partyId", holder.partyId()));
            points.add(holder.shareBasisPoints());
            roles.add(Storable.present("rightsHolders[].role", holder.role()).name());
        }
        List<String> artists = track.artistIds() == null ? List.of() : track.artistIds();
        for (String artistId : artists) {
            separable("artistIds[]", artistId);
        }
        return new ShareChange(track.trackId(), at, new Shares(parties, points, roles), track.isrc(),
                List.copyOf(artists));
    }

    /** An id written joined by the unit separator, so it must not hold one. */
    private static String separable(String field, String value) {
        Storable.text(field, value, MAX_ID_BYTES);
        if (value.contains(SEPARATOR)) {
            throw new Storable.UnstorableEventException(field + " holds a unit separator");
        }
        return value;
    }

    private void write(Batch batch) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writeShares(connection, batch.shareChanges);
            writeUsage(connection, batch);
            writeCloses(connection, batch.closes);
            return null;
        });
    }

    /** Appends a version per change whose shares differ from the track's latest; times never go backwards. */
    private static void writeShares(Connection connection, List<ShareChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Version> latest = new HashMap<>();
        String[] trackIds = changes.stream().map(ShareChange::trackId).distinct().sorted().toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(LATEST_SHARES)) {
            statement.setArray(1, connection.createArrayOf("text", trackIds));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getString(1), new Version(rs.getInt(2), rs.getTimestamp(3).toInstant(),
                            new Shares(List.of((String[]) rs.getArray(4).getArray()),
                                    List.of((Integer[]) rs.getArray(5).getArray()),
                                    List.of((String[]) rs.getArray(6).getArray()))));
                }
            }
        }
        List<ShareChange> appended = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        for (ShareChange change : changes) {
            Version before = latest.get(change.trackId());
            if (before == null ? change.shares().parties().isEmpty() : before.shares().equals(change.shares())) {
                continue;
            }
            Version next = before == null ? new Version(1, change.at(), change.shares())
                    : new Version(before.version() + 1,
                    change.at().isBefore(before.validFrom()) ? before.validFrom() : change.at(), change.shares());
            latest.put(change.trackId(), next);
            appended.add(change);
            versions.add(next);
        }
        int n = appended.size();
        if (n == 0) {
            return;
        }
        String[] tracks = new String[n];
        Integer[] numbers = new Integer[n];
        Timestamp[] from = new Timestamp[n];
        String[] parties = new String[n];
        String[] points = new String[n];
        String[] roles = new String[n];
        String[] isrcs = new String[n];
        String[] artists = new String[n];
        for (int i = 0; i < n; i++) {
            ShareChange change = appended.get(i);
            Version version = versions.get(i);
            tracks[i] = change.trackId();
            numbers[i] = version.version();
            from[i] = Timestamp.from(version.validFrom());
            parties[i] = String.join(SEPARATOR, change.shares().parties());
            points[i] = String.join(SEPARATOR, change.shares().basisPoints().stream().map(String::valueOf).toList());
            roles[i] = String.join(SEPARATOR, change.shares().roles());
            isrcs[i] = change.isrc();
            artists[i] = String.join(SEPARATOR, change.artistIds());
        }
        execute(connection, INSERT_SHARES, connection.createArrayOf("text", tracks),
                connection.createArrayOf("int4", numbers), connection.createArrayOf("timestamptz", from),
                connection.createArrayOf("text", parties), connection.createArrayOf("text", points),
                connection.createArrayOf("text", roles), connection.createArrayOf("text", isrcs),
                connection.createArrayOf("text", artists));
    }

    private static void writeUsage(Connection connection, Batch batch) throws SQLException {
        if (batch.plays.isEmpty()) {
            return;
        }
        Map<String, List<Version>> history = shareVersions(connection, batch.plays);
        Map<String, Long> closed = closedPeriods(connection);
        TreeMap<UsageKey, Long> usage = new TreeMap<>();
        TreeMap<TrackPeriod, Long> trackPeriods = new TreeMap<>();
        TreeMap<ArtistListener, Long> artistListeners = new TreeMap<>();
        TreeSet<Late> late = new TreeSet<>();
        for (Play play : batch.plays) {
            int version = versionAt(history.get(play.key().trackId()), play.startedAt());
            String settledIn = closed.isEmpty() && batch.closes.isEmpty() ? play.key().period()
                    : settledIn(play, closed, batch.closes);
            UsageKey key = play.key().settledIn(version, settledIn);
            usage.merge(key, 1L, Long::sum);
            trackPeriods.merge(new TrackPeriod(key.period(), key.trackId(), settledIn), 1L, Long::sum);
            for (String artistId : play.artistIds()) {
                artistListeners.merge(new ArtistListener(key.period(), artistId, key.userId(), settledIn), 1L,
                        Long::sum);
            }
            if (!settledIn.equals(key.period())) {
                late.add(new Late(settledIn, key.period()));
            }
        }
        int n = usage.size();
        String[] periods = new String[n];
        String[] territories = new String[n];
        String[] tiers = new String[n];
        String[] users = new String[n];
        String[] tracks = new String[n];
        Integer[] versions = new Integer[n];
        java.sql.Date[] days = new java.sql.Date[n];
        Boolean[] soughtOut = new Boolean[n];
        String[] settled = new String[n];
        Long[] streams = new Long[n];
        int i = 0;
        for (var entry : usage.entrySet()) {
            UsageKey key = entry.getKey();
            periods[i] = key.period();
            territories[i] = key.territory();
            tiers[i] = key.tier();
            users[i] = key.userId();
            tracks[i] = key.trackId();
            versions[i] = key.shareVersion();
            days[i] = java.sql.Date.valueOf(key.day());
            soughtOut[i] = key.soughtOut();
            settled[i] = key.settledIn();
            streams[i] = entry.getValue();
            i++;
        }
        execute(connection, UPSERT_USAGE, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", territories), connection.createArrayOf("text", tiers),
                connection.createArrayOf("text", users), connection.createArrayOf("text", tracks),
                connection.createArrayOf("int4", versions), connection.createArrayOf("date", days),
                connection.createArrayOf("bool", soughtOut), connection.createArrayOf("text", settled),
                connection.createArrayOf("int8", streams));
        writeTrackPeriods(connection, trackPeriods);
        writeArtistListeners(connection, artistListeners);
        writePools(connection, batch.pools);
        writeLate(connection, late);
    }

    /** Every period closed so far, with the global index of its close (-1 when it was handed over without one). */
    private static Map<String, Long> closedPeriods(Connection connection) throws SQLException {
        Map<String, Long> closed = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CLOSED_PERIODS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                closed.put(rs.getString(1), rs.getLong(2));
            }
        }
        return closed;
    }

    private static void writeCloses(Connection connection, List<Close> closes) throws SQLException {
        if (closes.isEmpty()) {
            return;
        }
        execute(connection, INSERT_CLOSED,
                connection.createArrayOf("text", closes.stream().map(Close::period).toArray(String[]::new)),
                connection.createArrayOf("int8", closes.stream().map(Close::index).toArray(Long[]::new)));
    }

    private static void writeLate(Connection connection, TreeSet<Late> late) throws SQLException {
        if (late.isEmpty()) {
            return;
        }
        execute(connection, INSERT_LATE,
                connection.createArrayOf("text", late.stream().map(Late::settledIn).toArray(String[]::new)),
                connection.createArrayOf("text", late.stream().map(Late::period).toArray(String[]::new)));
    }

    /** Every share version of the plays' tracks, oldest first: one query for the batch. */
    private static Map<String, List<Version>> shareVersions(Connection connection, List<Play> plays)
            throws SQLException {
        String[] trackIds = plays.stream().map(p -> p.key().trackId()).distinct().toArray(String[]::new);
        Map<String, List<Version>> history = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SHARE_VERSIONS)) {
            statement.setArray(1, connection.createArrayOf("text", trackIds));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new Version(rs.getInt(2), rs.getTimestamp(3).toInstant(), null));
                }
            }
        }
        return history;
    }

    /**
     * The latest version in force at {@code at}; the first version for a play that started before it (a device
     * clock behind the catalog, or holders named after the release), since those are the holders the track first
     * had; {@link #NO_SHARES} when the track has named none yet.
     */
    private static int versionAt(List<Version> versions, Instant at) {
        if (versions == null || versions.isEmpty()) {
            return NO_SHARES;
        }
        int found = versions.get(0).version();
        for (Version version : versions) {
            if (version.validFrom().isAfter(at)) {
                break;
            }
            found = version.version();
        }
        return found;
    }

    private static void writeTrackPeriods(Connection connection, TreeMap<TrackPeriod, Long> sums)
            throws SQLException {
        int n = sums.size();
        String[] periods = new String[n];
        String[] tracks = new String[n];
        String[] settled = new String[n];
        Long[] streams = new Long[n];
        int i = 0;
        for (var entry : sums.entrySet()) {
            periods[i] = entry.getKey().period();
            tracks[i] = entry.getKey().trackId();
            settled[i] = entry.getKey().settledIn();
            streams[i++] = entry.getValue();
        }
        execute(connection, UPSERT_TRACK_PERIOD, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", tracks), connection.createArrayOf("text", settled),
                connection.createArrayOf("int8", streams));
    }

    private static void writeArtistListeners(Connection connection, TreeMap<ArtistListener, Long> sums)
            throws SQLException {
        int n = sums.size();
        if (n == 0) {
            return;
        }
        String[] periods = new String[n];
        String[] artists = new String[n];
        String[] users = new String[n];
        String[] settled = new String[n];
        Long[] streams = new Long[n];
        int i = 0;
        for (var entry : sums.entrySet()) {
            periods[i] = entry.getKey().period();
            artists[i] = entry.getKey().artistId();
            users[i] = entry.getKey().userId();
            settled[i] = entry.getKey().settledIn();
            streams[i++] = entry.getValue();
        }
        execute(connection, UPSERT_ARTIST_LISTENER, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", artists), connection.createArrayOf("text", users),
                connection.createArrayOf("text", settled), connection.createArrayOf("int8", streams));
    }

    private static void writePools(Connection connection, TreeSet<Pool> pools) throws SQLException {
        int n = pools.size();
        String[] periods = new String[n];
        String[] territories = new String[n];
        String[] tiers = new String[n];
        int i = 0;
        for (Pool pool : pools) {
            periods[i] = pool.period();
            territories[i] = pool.territory();
            tiers[i++] = pool.tier();
        }
        execute(connection, INSERT_POOLS, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", territories), connection.createArrayOf("text", tiers));
    }

    private static void execute(Connection connection, String sql, Array... arrays) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < arrays.length; p++) {
                statement.setArray(p + 1, arrays[p]);
            }
            statement.executeUpdate();
        }
    }

    private record Shares(List<String> parties, List<Integer> basisPoints, List<String> roles) {
    }

    private record ShareChange(String trackId, Instant at, Shares shares, String isrc, List<String> artistIds) {
    }

    private record Version(int version, Instant validFrom, Shares shares) {
    }

    /**
     * @param position     the play's global index
     * @param closesBefore how many of its batch's closes came before it
     */
    private record Play(UsageKey key, Instant startedAt, long position, int closesBefore, List<String> artistIds) {
    }

    /** @param index the close's global index, -1 when unknown (then before every play of a later batch) */
    private record Close(String period, long index) {
    }

    private record UsageKey(String period, String territory, String tier, String userId, String trackId,
                            int shareVersion, LocalDate day, boolean soughtOut, String settledIn)
            implements Comparable<UsageKey> {
        UsageKey settledIn(int version, String settled) {
            return new UsageKey(period, territory, tier, userId, trackId, version, day, soughtOut, settled);
        }

        @Override
        public int compareTo(UsageKey o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = territory.compareTo(o.territory);
            }
            if (c == 0) {
                c = tier.compareTo(o.tier);
            }
            if (c == 0) {
                c = userId.compareTo(o.userId);
            }
            if (c == 0) {
                c = trackId.compareTo(o.trackId);
            }
            if (c == 0) {
                c = Integer.compare(shareVersion, o.shareVersion);
            }
            if (c == 0) {
                c = day.compareTo(o.day);
            }
            if (c == 0) {
                c = Boolean.compare(soughtOut, o.soughtOut);
            }
            return c != 0 ? c : settledIn.compareTo(o.settledIn);
        }
    }

    private record TrackPeriod(String period, String trackId, String settledIn) implements Comparable<TrackPeriod> {
        @Override
        public int compareTo(TrackPeriod o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = trackId.compareTo(o.trackId);
            }
            return c != 0 ? c : settledIn.compareTo(o.settledIn);
        }
    }

    private record ArtistListener(String period, String artistId, String userId, String settledIn)
            implements Comparable<ArtistListener> {
        @Override
        public int compareTo(ArtistListener o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = artistId.compareTo(o.artistId);
            }
            if (c == 0) {
                c = userId.compareTo(o.userId);
            }
            return c != 0 ? c : settledIn.compareTo(o.settledIn);
        }
    }

    /** A period with streams settled in a later one. */
    private record Late(String settledIn, String period) implements Comparable<Late> {
        @Override
        public int compareTo(Late o) {
            int c = settledIn.compareTo(o.settledIn);
            return c != 0 ? c : period.compareTo(o.period);
        }
    }

    private record Pool(String period, String territory, String tier) implements Comparable<Pool> {
        @Override
        public int compareTo(Pool o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = territory.compareTo(o.territory);
            }
            return c != 0 ? c : tier.compareTo(o.tier);
        }
    }

    /** One batch: share changes in event order, then plays, then closes; sums in key order. */
    private static final class Batch {
        final List<ShareChange> shareChanges = new ArrayList<>();
        final List<Play> plays = new ArrayList<>();
        final List<Close> closes = new ArrayList<>();
        final TreeSet<Pool> pools = new TreeSet<>();
    }
}
