package io.musicstream.projections.catalog.browse;

import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.Rows;
import io.musicstream.projections.TestServers;
import io.musicstream.projections.listening.popularity.PopularityReadModel;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The browse read model on a fresh database: its projection, its readers and its rows, with the popularity
 * read model on the same database (the pages join its table); events go to both.
 */
final class BrowseReadModel {

    final JdbcClient jdbc;
    final ProjectionDriver projection;
    final CatalogBrowse browse;
    final CatalogAvailability availability;
    final PopularityReadModel popularity;

    BrowseReadModel() {
        DataSource db = TestServers.freshDatabase();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        jdbc = JdbcClient.create(db);
        projection = ProjectionDriver.inTransactions(
                new CatalogBrowseProjection(jdbc, new JdbcTemplate(db), transactions), transactions);
        browse = new CatalogBrowse(new BrowseTables(jdbc));
        availability = new CatalogAvailability(jdbc);
        popularity = new PopularityReadModel(db);
    }

    void deliver(Object... events) {
        projection.deliverEach(events);
        popularity.deliver(events);
    }

    /** What a reset of both processors does before a replay. */
    void reset() {
        projection.reset();
        popularity.projection.reset();
    }

    /** Every row of the three tables, in key order, as the database returns them. */
    Map<String, List<Map<String, Object>>> rows() {
        return Map.of(
                "browse_artist", table("select * from browse_artist order by artist_id"),
                "browse_release", table("select * from browse_release order by release_id"),
                "browse_track", table("select * from browse_track order by track_id"));
    }

    /** One track's row, with arrays as lists. */
    Map<String, Object> track(String trackId) {
        return table("select * from browse_track where track_id = '" + trackId + "'").get(0);
    }

    private List<Map<String, Object>> table(String sql) {
        return jdbc.sql(sql).query(Rows::row).list();
    }
}
