package io.musicstream.projections.catalog.artists;

import io.musicstream.events.catalog.ArtistRegistered;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The artists that exist, committed with the artist's events (subscribing processor), so that a release
 * naming an artist registered a moment ago is accepted. Read through {@link RegisteredArtists}. Its table,
 * {@code catalog_artist}, is created by {@code db/migration/account/V2__accounts_and_catalog_directory.sql}
 * together with the accounts': one migration made both, and a migration's checksum must not change.
 */
@Component
@ProcessingGroup(ArtistDirectoryProjection.PROCESSING_GROUP)
public class ArtistDirectoryProjection {

    public static final String PROCESSING_GROUP = "artist-directory";

    private final JdbcClient jdbc;

    ArtistDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ArtistRegistered event) {
        jdbc.sql("""
                        insert into catalog_artist (artist_id, name, registered_at) values (?, ?, ?)
                        on conflict (artist_id) do update set name = excluded.name""")
                .params(event.artistId(), event.name(), Timestamp.from(event.registeredAt()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate catalog_artist").update();
    }
}
