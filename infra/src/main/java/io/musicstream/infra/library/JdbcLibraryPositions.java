package io.musicstream.infra.library;

import io.musicstream.command.library.LibraryPositions;
import io.musicstream.command.library.ListenerCountries;
import io.musicstream.command.playback.ListenerPlans;
import io.musicstream.events.account.Plan;
import io.musicstream.events.ids.LibraryIds;
import io.musicstream.projections.account.UserAccounts;
import io.musicstream.projections.library.SyncWatermark;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Library positions read from the event store by the (aggregate, global index) index, and the listener's
 * country from the account read model's reader.
 */
@Component
class JdbcLibraryPositions implements LibraryPositions, ListenerCountries, ListenerPlans {

    private final JdbcClient jdbc;
    private final SyncWatermark watermark;
    private final UserAccounts accounts;

    JdbcLibraryPositions(JdbcClient jdbc, SyncWatermark watermark, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.watermark = watermark;
        this.accounts = accounts;
    }

    @Override
    public long latestToken(String userId) {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry where aggregate_identifier = ?")
                .param(LibraryIds.of(userId))
                .query(Long.class).single();
    }

    @Override
    public long sequenceAt(String userId, long token) {
        return jdbc.sql("""
                        select coalesce(max(sequence_number), -1) from domain_event_entry
                        where aggregate_identifier = ? and global_index <= ?""")
                .params(LibraryIds.of(userId), token)
                .query(Long.class).single();
    }

    @Override
    public long lastIssued() {
        return watermark.lastIssued();
    }

    @Override
    public String countryOf(String userId) {
        return accounts.countryOf(userId).orElse(null);
    }

    @Override
    public Map<String, String> countriesOf(Collection<String> userIds) {
        return accounts.countriesOf(userIds);
    }

    @Override
    public Map<String, Plan> plansOf(Collection<String> userIds) {
        return accounts.plansOf(userIds);
    }
}
