package io.musicstream.projections.catalog.artists;

import static io.musicstream.projections.catalog.CatalogEvents.AT;
import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.TestServers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The artist directory: which artists exist and their names, given the ArtistRegistered events. */
class ArtistDirectoryProjectionTest {

    private JdbcClient jdbc;
    private ProjectionDriver projection;
    private RegisteredArtists artists;

    @BeforeEach
    void freshDirectory() {
        DataSource db = TestServers.freshDatabase();
        jdbc = JdbcClient.create(db);
        projection = ProjectionDriver.inTransactions(new ArtistDirectoryProjection(jdbc),
                new DataSourceTransactionManager(db));
        artists = new RegisteredArtists(jdbc);
    }

    @Test
    void aRegisteredArtistIsKnownByIdWithItsName() {
        projection.deliver(artist("a1", "Sigur Rós"), artist("a2", "Björk"));

        assertThat(artists.known(List.of("a1", "a2", "nobody"))).containsExactlyInAnyOrder("a1", "a2");
        assertThat(artists.names(List.of("a1", "nobody"))).isEqualTo(Map.of("a1", "Sigur Rós"));
        assertThat(artists.known(List.of())).isEmpty();
        assertThat(artists.names(List.of())).isEmpty();
    }

    @Test
    void registeringTheSameArtistAgainKeepsOneRowWithTheLatestNameAndTheFirstRegistration() {
        projection.deliver(artist("a1", "Sigur Ros"));
        projection.deliver(new ArtistRegistered("a1", "Sigur Rós", Instant.parse("2027-01-01T00:00:00Z")));
        projection.deliver(new ArtistRegistered("a1", "Sigur Rós", Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(jdbc.sql("select count(*) from catalog_artist").query(Long.class).single()).isEqualTo(1);
        assertThat(artists.names(List.of("a1"))).containsEntry("a1", "Sigur Rós");
        assertThat(jdbc.sql("select registered_at from catalog_artist where artist_id = 'a1'")
                .query(Timestamp.class).single().toInstant()).isEqualTo(AT);
    }

    @Test
    void aResetEmptiesTheDirectoryForAReplay() {
        projection.deliver(artist("a1", "Sigur Rós"));

        projection.reset();

        assertThat(artists.known(List.of("a1"))).isEmpty();
    }
}
