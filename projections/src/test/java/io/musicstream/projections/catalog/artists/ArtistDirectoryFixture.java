package io.musicstream.projections.catalog.artists;

import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.projections.ProjectionDriver;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The artist directory of a test database, for tests of the read models that read it. */
public final class ArtistDirectoryFixture {

    private final ProjectionDriver projection;
    private final RegisteredArtists reader;

    public ArtistDirectoryFixture(DataSource db) {
        JdbcClient jdbc = JdbcClient.create(db);
        this.projection = ProjectionDriver.inTransactions(new ArtistDirectoryProjection(jdbc),
                new DataSourceTransactionManager(db));
        this.reader = new RegisteredArtists(jdbc);
    }

    public ArtistDirectoryFixture register(ArtistRegistered... artists) {
        projection.deliverEach((Object[]) artists);
        return this;
    }

    public RegisteredArtists reader() {
        return reader;
    }
}
