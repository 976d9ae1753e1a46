package io.musicstream.projections.catalog.browse;

import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.catalog.TrackTakenDown;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog as listeners browse it: artists, releases and their tracks, with takedowns, in the
 * {@code browse_*} tables (PostgreSQL). Streams and popularity come from the {@code popularity} table of
 * {@code listening.popularity}, joined when pages are read.
 *
 * <p>Runs in the {@value #PROCESSING_GROUP} tracking processor. Axon runs each batch of events in a Spring
 * transaction on the same DataSource as the token store, so the writes below and the processor's token
 * commit together: an event is either applied and passed, or neither.
 *
 * <p>Every handler is idempotent under redelivery: rows are upserted or overwritten with the event's whole
 * state, territory lists are sets, and counters ({@code track_count}) are recounted rather than bumped. The
 * projection can be replayed from zero: {@link #reset()} truncates its tables.
 */
@Component
@ProcessingGroup(CatalogBrowseProjection.PROCESSING_GROUP)
public class CatalogBrowseProjection {

    public static final String PROCESSING_GROUP = "catalog-browse";

    private static final String UPSERT_TRACK = """
            insert into browse_track (track_id, release_id, isrc, title, duration_ms, disc_number, track_number,
                                      explicit, artist_ids, artists_inherited, territories)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (track_id) do update set
                release_id = excluded.release_id, isrc = excluded.isrc, title = excluded.title,
                duration_ms = excluded.duration_ms, disc_number = excluded.disc_number,
                track_number = excluded.track_number, explicit = excluded.explicit,
                artist_ids = excluded.artist_ids, artists_inherited = excluded.artists_inherited,
                territories = excluded.territories""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate savepoint;

    CatalogBrowseProjection(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Runs one event's writes under a savepoint of the batch's transaction: a statement PostgreSQL refuses
     * rolls back only this event, so the dead-letter queue can still record it in the same transaction.
     */
    private void inSavepoint(Runnable writes) {
        savepoint.executeWithoutResult(status -> writes.run());
    }

    @EventHandler
    void on(ArtistRegistered event) {
        inSavepoint(() -> {
            jdbc.sql("""
                            insert into browse_artist (artist_id, name, registered_at) values (?, ?, ?)
                            on conflict (artist_id) do update set name = excluded.name""")
                    .params(event.artistId(), event.name(), Timestamp.from(event.registeredAt()))
                    .update();
        });
    }

    @EventHandler
    void on(ReleaseIngested event) {
        inSavepoint(() -> {
            jdbc.sql("""
                            insert into browse_release (release_id, upc, title, release_type, artist_ids, label,
                                                        release_date, genres, artwork_url, ingested_at)
                            values (:releaseId, :upc, :title, :releaseType, :artistIds, :label, :releaseDate, :genres,
                                    :artworkUrl, :ingestedAt)
                            on conflict (release_id) do update set
                                upc = excluded.upc, title = excluded.title, release_type = excluded.release_type,
                                artist_ids = excluded.artist_ids, label = excluded.label,
                                release_date = excluded.release_date, genres = excluded.genres,
                                artwork_url = excluded.artwork_url, ingested_at = excluded.ingested_at""")
                    .param("releaseId", event.releaseId())
                    .param("upc", event.upc())
                    .param("title", event.title())
                    .param("releaseType", event.releaseType().name())
                    .param("artistIds", array(event.artistIds()))
                    .param("label", event.label())
                    .param("releaseDate", date(event.releaseDate()))
                    .param("genres", array(event.genres()))
                    .param("artworkUrl", event.artworkUrl())
                    .param("ingestedAt", Timestamp.from(event.ingestedAt()))
                    .update();
            upsertTracks(event.releaseId(), event.tracks(), event.artistIds());
            recountTracks(event.releaseId());
        });
    }

    @EventHandler
    void on(ReleaseMetadataUpdated event) {
        inSavepoint(() -> {
            jdbc.sql("""
                            update browse_release set title = :title, release_type = :releaseType,
                                artist_ids = :artistIds, label = :label, release_date = :releaseDate, genres = :genres,
                                artwork_url = :artworkUrl
                            where release_id = :releaseId""")
                    .param("releaseId", event.releaseId())
                    .param("title", event.title())
                    .param("releaseType", event.releaseType().name())
                    .param("artistIds", array(event.artistIds()))
                    .param("label", event.label())
                    .param("releaseDate", date(event.releaseDate()))
                    .param("genres", array(event.genres()))
                    .param("artworkUrl", event.artworkUrl())
                    .update();
            // tracks that name no artists of their own show the release's
            jdbc.sql("update browse_track set artist_ids = ? where release_id = ? and artists_inherited")
                    .params(array(event.artistIds()), event.releaseId())
                    .update();
        });
    }

    @EventHandler
    void on(TrackAddedToRelease event) {
        inSavepoint(() -> {
            upsertTracks(event.releaseId(), List.of(event.track()), releaseArtists(event.releaseId()));
            recountTracks(event.releaseId());
        });
    }

    @EventHandler
    void on(TrackMetadataUpdated event) {
        inSavepoint(() -> {
            upsertTracks(event.releaseId(), List.of(event.track()), releaseArtists(event.releaseId()));
        });
    }

    @EventHandler
    void on(TrackRemovedFromRelease event) {
        inSavepoint(() -> {
            jdbc.sql("delete from browse_track where track_id = ?").param(event.trackId()).update();
            recountTracks(event.releaseId());
        });
    }

    /** Territories are a set: taking a track down again where it already is changes nothing. */
    @EventHandler
    void on(TrackTakenDown event) {
        inSavepoint(() -> {
            if (event.territories() == null || event.territories().isEmpty()) {
                jdbc.sql("""
                                update browse_track set blocked_everywhere = true, takedown_reason = ?, taken_down_at = ?
                                where track_id = ?""")
                        .params(event.reason(), Timestamp.from(event.takenDownAt()), event.trackId())
                        .update();
                return;
            }
            jdbc.sql("""
                            update browse_track set
                                blocked_territories = array(
                                    select distinct b from unnest(blocked_territories || cast(? as text[])) b order by b),
                                takedown_reason = ?, taken_down_at = ?
                            where track_id = ?""")
                    .params(array(event.territories()), event.reason(), Timestamp.from(event.takenDownAt()),
                            event.trackId())
                    .update();
        });
    }

    /** No territories lifts every takedown; otherwise those territories leave the blocked set. */
    @EventHandler
    void on(TrackRestored event) {
        inSavepoint(() -> {
            if (event.territories() == null || event.territories().isEmpty()) {
                jdbc.sql("""
                                update browse_track set blocked_everywhere = false, blocked_territories = '{}',
                                    takedown_reason = null, taken_down_at = null
                                where track_id = ?""")
                        .param(event.trackId())
                        .update();
                return;
            }
            // every expression reads the row as it was before this update
            jdbc.sql("""
                            update browse_track set
                                blocked_territories = array(
                                    select b from unnest(blocked_territories) b where b <> all(cast(:lifted as text[]))
                                    order by b),
                                takedown_reason = case when blocked_everywhere or exists (
                                        select 1 from unnest(blocked_territories) b where b <> all(cast(:lifted as text[])))
                                    then takedown_reason end,
                                taken_down_at = case when blocked_everywhere or exists (
                                        select 1 from unnest(blocked_territories) b where b <> all(cast(:lifted as text[])))
                                    then taken_down_at end
                            where track_id = :trackId""")
                    .param("lifted", array(event.territories()))
                    .param("trackId", event.trackId())
                    .update();
        });
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate browse_track, browse_release, browse_artist").update();
    }

    /** Writes the tracks in one JDBC batch; tracks that name no artists get the release's. */
    private void upsertTracks(String releaseId, List<TrackSpec> tracks, List<String> releaseArtists) {
        batch.batchUpdate(UPSERT_TRACK, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                TrackSpec track = tracks.get(i);
                boolean inherited = track.artistIds() == null || track.artistIds().isEmpty();
                ps.setString(1, track.trackId());
                ps.setString(2, releaseId);
                ps.setString(3, track.isrc());
                ps.setString(4, track.title());
                ps.setLong(5, track.durationMs());
                ps.setInt(6, track.discNumber());
                ps.setInt(7, track.trackNumber());
                ps.setBoolean(8, track.explicit());
                ps.setArray(9, ps.getConnection().createArrayOf("text",
                        array(inherited ? releaseArtists : track.artistIds())));
                ps.setBoolean(10, inherited);
                ps.setArray(11, ps.getConnection().createArrayOf("text", array(track.territories())));
            }

            @Override
            public int getBatchSize() {
                return tracks.size();
            }
        });
    }

    private List<String> releaseArtists(String releaseId) {
        return jdbc.sql("select artist_ids from browse_release where release_id = ?")
                .param(releaseId)
                .query((rs, i) -> SqlArrays.strings(rs.getArray(1)))
                .optional().orElse(List.of());
    }

    private void recountTracks(String releaseId) {
        jdbc.sql("""
                        update browse_release set track_count = (select count(*) from browse_track t
                                                                 where t.release_id = browse_release.release_id)
                        where release_id = ?""")
                .param(releaseId)
                .update();
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
