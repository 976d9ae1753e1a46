package io.musicstream.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class TestServersTest {

    @Test
    void aFreshDatabaseHoldsTheEventStoreAndEveryReadModelButNoRows() {
        JdbcClient jdbc = JdbcClient.create(TestServers.freshDatabase());

        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();

        assertThat(tables).contains("domain_event_entry", "token_entry", "library_item", "sync_change",
                "browse_track", "user_account", "catalog_artist");
        assertThat(jdbc.sql("select count(*) from library_item").query(Long.class).single()).isZero();
    }

    @Test
    void eachFreshDatabaseIsItsOwn() {
        JdbcClient first = JdbcClient.create(TestServers.freshDatabase());
        JdbcClient second = JdbcClient.create(TestServers.freshDatabase());

        first.sql("insert into sync_horizon (user_id, token) values ('u1', 5)").update();

        assertThat(second.sql("select count(*) from sync_horizon").query(Long.class).single()).isZero();
    }
}
