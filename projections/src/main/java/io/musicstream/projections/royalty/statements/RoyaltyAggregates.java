package io.musicstream.projections.royalty.statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Royalty aggregates per UTC day, track, rights holder, territory and tier of one period: the counted streams of the
 * usage read model ({@code royalty_usage} with the holders of each stream's share version), and, once statements
 * are issued for the period, the money. Each statement line for the period (all statements' lines for it summed,
 * adjustments included) is apportioned over the line's days by their streams with the largest-remainder method
 * (ties: the earlier day), so that a line's days sum to it exactly. Each read is one SQL statement.
 */
@Repository
public class RoyaltyAggregates {

    /** Rows a streamed read takes from the database at a time. */
    static final int FETCH_SIZE = 1_000;

    /**
     * What to read: a period and, optionally, one track, holder, territory and tier ({@code null} for all).
     *
     * @param tier {@code FREE} or {@code PREMIUM}
     */
    public record Query(YearMonth period, String trackId, String partyId, String territory, String tier) {
    }

    /**
     * Streams and money of one day, track, holder, territory and tier.
     *
     * @param amountMinor {@code null} until statements are issued for the period; then the day's part of the
     *                    statement lines paying these streams, {@code 0} when none pays them
     * @param currency    the currency of the statement line, {@code null} when none pays them
     */
    public record Row(LocalDate day, String trackId, String partyId, String territory, String tier, long streams,
                      Long amountMinor, String currency) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    public RoyaltyAggregates(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Rows ordered by day, track, holder, territory, tier, currency; {@code limit} of them from {@code offset}. */
    public List<Row> page(Query query, int limit, int offset) {
        List<Object> params = params(query);
        params.add(limit);
        params.add(offset);
        return jdbc.query(sql(query) + " limit ? offset ?", RoyaltyAggregates::row, params.toArray());
    }

    /**
     * Hands every row, in the order of {@link #page}, to {@code each} as the database sends them: a cursor in a
     * read-only transaction of its own fetches {@value #FETCH_SIZE} rows at a time, so no answer is held whole.
     */
    public void each(Query query, Consumer<Row> each) {
        String sql = sql(query);
        Object[] params = params(query).toArray();
        readOnly.executeWithoutResult(status -> cursor.query(sql, rs -> {
            each.accept(row(rs, 0));
        }, params));
    }

    private static List<Object> params(Query query) {
        List<Object> params = new ArrayList<>();
        params.add(query.period().toString());
        filterParams(query, params, true);
        params.add(query.period().toString());
        filterParams(query, params, false);
        params.add(query.period().toString());
        return params;
    }

    private static void filterParams(Query query, List<Object> params, boolean usage) {
        if (query.trackId() != null) {
            params.add(query.trackId());
        }
        if (query.partyId() != null) {
            if (usage) {
                params.add(query.partyId());
            }
            params.add(query.partyId());
        }
        if (query.territory() != null) {
            params.add(query.territory());
        }
        if (query.tier() != null) {
            params.add(query.tier());
        }
    }

    private static String filters(Query query, String table, boolean usage) {
        StringBuilder sql = new StringBuilder();
        if (query.trackId() != null) {
            sql.append(" and ").append(table).append(".track_id = ?");
        }
        if (query.partyId() != null) {
            // the containment lets the index on the share lists find the holder's tracks
            sql.append(usage ? " and s.party_ids @> array[?]::text[] and p.party_id = ?"
                    : " and " + table + ".party_id = ?");
        }
        if (query.territory() != null) {
            sql.append(" and ").append(table).append(".territory = ?");
        }
        if (query.tier() != null) {
            sql.append(" and ").append(table).append(".tier = ?");
        }
        return sql.toString();
    }

    /*
     * Largest remainder per line, in exact numeric arithmetic: a day's quota is amount x streams / line streams;
     * it gets the floor, and the units left over go one each to the largest remainders, the earlier day first.
     */
    private static String sql(Query query) {
        return """
                with u as (
                    select u.day, u.track_id, p.party_id, u.territory, u.tier, sum(u.streams)::bigint as streams
                    from royalty_usage u
                    join royalty_track_share s on s.track_id = u.track_id and s.version = u.share_version
                    cross join lateral (select distinct x as party_id from unnest(s.party_ids) as x) p
                    where u.period = ?""" + filters(query, "u", true) + """
                
                    group by u.day, u.track_id, p.party_id, u.territory, u.tier),
                l as (
                    select track_id, party_id, territory, tier, currency, sum(amount_minor)::numeric as amount
                    from royalty_statement_line l
                    where for_period = ?""" + filters(query, "l", false) + """
                
                    group by track_id, party_id, territory, tier, currency),
                q as (
                    select u.day, u.track_id, u.party_id, u.territory, u.tier, u.streams, l.currency, l.amount,
                           l.amount * u.streams as product,
                           sum(u.streams) over (partition by u.track_id, u.party_id, u.territory, u.tier, l.currency)
                               as total
                    from u left join l on l.track_id = u.track_id and l.party_id = u.party_id
                                      and l.territory = u.territory and l.tier = u.tier),
                f as (
                    select q.*, div(product, total) - case when mod(product, total) < 0 then 1 else 0 end as floor
                    from q),
                r as (
                    select f.*,
                           amount - sum(floor) over (partition by track_id, party_id, territory, tier, currency)
                               as leftover,
                           row_number() over (partition by track_id, party_id, territory, tier, currency
                                              order by product - total * floor desc, day) as rank
                    from f)
                select day, track_id, party_id, territory, tier, streams,
                       case when not exists (select 1 from royalty_statement where period = ?) then null
                            when amount is null then 0
                            else (floor + case when rank <= leftover then 1 else 0 end)::bigint end as amount_minor,
                       currency
                from r
                order by day, track_id, party_id, territory, tier, currency""";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long amount = rs.getLong(7);
        Long amountMinor = rs.wasNull() ? null : amount;
        return new Row(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), amountMinor, rs.getString(8));
    }
}
