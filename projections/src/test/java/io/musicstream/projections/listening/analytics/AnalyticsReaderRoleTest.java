package io.musicstream.projections.listening.analytics;

import static io.musicstream.projections.listening.analytics.AnalyticsReadModel.play;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A BI tool's login made the documented way ({@code create role ... login in role analytics_reader}) reads
 * the {@code analytics} views and nothing else, and writes nothing.
 */
class AnalyticsReaderRoleTest {

    private static final String[] VIEWS = {"streams_by_track_day", "streams_by_release_day", "streams_by_artist_day",
            "tracks", "releases", "artists"};

    private AnalyticsReadModel model;
    private String login;

    @BeforeEach
    void biLogin() {
        model = new AnalyticsReadModel();
        login = "bi_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        model.jdbc.execute("create role " + login + " login password 'bi-secret' in role analytics_reader");
    }

    @AfterEach
    void dropLogin() {
        model.jdbc.execute("drop owned by " + login);
        model.jdbc.execute("drop role " + login);
    }

    @Test
    void theReaderRoleIsMadeOnceAndCannotLogIn() {
        assertThat(model.jdbc.queryForObject(
                "select rolcanlogin from pg_roles where rolname = 'analytics_reader'", Boolean.class)).isFalse();
    }

    @Test
    void aLoginInTheReaderRoleSelectsFromEveryAnalyticsView() throws SQLException {
        model.catalog("t1", "Song One", "r1", "Album One", "a1", "The Band");
        model.deliver(play("t1", "2026-03-01T10:00:00Z"));

        try (Connection bi = connectAsLogin(); Statement sql = bi.createStatement()) {
            for (String view : VIEWS) {
                try (ResultSet rs = sql.executeQuery("select * from analytics." + view)) {
                    assertThat(rs.next()).as(view).isTrue();
                }
            }
            try (ResultSet rs = sql.executeQuery("select track_title, release_title, streams"
                    + " from analytics.streams_by_track_day where day = date '2026-03-01'")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getLong(3)))
                        .containsExactly("Song One", "Album One", 1L);
            }
        }
    }

    @Test
    void aLoginInTheReaderRoleCannotReadTheEventStoreAccountsOrTheTablesBehindTheViews() throws SQLException {
        List<String> tables = List.of("domain_event_entry", "user_account", "analytics_track_day", "browse_track",
                "token_entry", "analytics.streams_by_track_day");
        List<String> readable = new ArrayList<>();
        try (Connection bi = connectAsLogin()) {
            for (String table : tables) {
                try (Statement sql = bi.createStatement()) {
                    sql.executeQuery("select * from " + table + " limit 1").close();
                    readable.add(table);
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).as(table + ": " + e.getMessage()).isEqualTo("42501");
                }
            }
        }
        assertThat(readable).containsExactly("analytics.streams_by_track_day");
    }

    @Test
    void aLoginInTheReaderRoleCannotWriteThroughTheViewsOrMakeObjects() throws SQLException {
        try (Connection bi = connectAsLogin(); Statement sql = bi.createStatement()) {
            for (String write : List.of(
                    "insert into analytics.artists (artist_id, name) values ('x', 'x')",
                    "update analytics.artists set name = 'x'",
                    "delete from analytics.tracks",
                    "insert into analytics_artist_day values (current_date, 'SE', 'x', 1, 1, 1)",
                    "create table analytics.mine (x int)",
                    "create view analytics.mine as select 1",
                    "truncate analytics_track_day")) {
                assertThatThrownBy(() -> sql.execute(write)).as(write)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    private Connection connectAsLogin() throws SQLException {
        String url = ((SimpleDriverDataSource) model.db).getUrl();
        return DriverManager.getConnection(url, login, "bi-secret");
    }
}
