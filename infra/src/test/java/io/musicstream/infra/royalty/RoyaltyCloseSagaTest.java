package io.musicstream.infra.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.sagas.royalty.RoyaltyPeriodCloseSaga;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The period close saga on the real servers. The tests' grace window is 400,000 days (IntegrationTest), so
 * periods of the years 100-899 are past it and close by themselves, while those of 1000-1999 wait (their
 * deadline falls after the year 2094) and are closed by an admin.
 */
class RoyaltyCloseSagaTest extends IntegrationTest {

    private static final Duration GRACE = Duration.ofDays(400_000);

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    private static String period(int fromYear, int toYear) {
        return "%04d-%02d".formatted(ThreadLocalRandom.current().nextInt(fromYear, toYear),
                ThreadLocalRandom.current().nextInt(1, 13));
    }

    private void declarePool(String period) {
        ApiClient.Response declared = admin().post("/api/v1/admin/royalties/pools", Map.of("period", period,
                "territory", "DK", "tier", "PREMIUM", "amountMinor", 1_000_000, "currency", "DKK"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    }

    private List<RoyaltyPeriodClosed> closes(String period) {
        return events.readEvents(period).asStream().map(message -> message.getPayload())
                .filter(RoyaltyPeriodClosed.class::isInstance).map(RoyaltyPeriodClosed.class::cast).toList();
    }

    /** The saga of {@code period}, as its association row names it. */
    private List<String> sagaIds(String period) {
        return jdbc.sql("""
                        select saga_id from association_value_entry
                        where saga_type = ? and association_key = 'period' and association_value = ?""")
                .param(RoyaltyPeriodCloseSaga.class.getName()).param(period).query(String.class).list();
    }

    /** When the deadline of the saga {@code sagaId} is due, as the deadline store keeps it. */
    private List<Instant> deadlinesOf(String sagaId) {
        return jdbc.sql("select execution_time from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0")
                .param(sagaId).query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
    }

    @Test
    void aPoolForAPeriodPastItsGraceWindowGetsThePeriodClosedByTheSaga() {
        String period = period(100, 900);
        declarePool(period);

        eventually(() -> assertThat(closes(period)).as("events %s to %s, royalty tokens %s, deadlines %s",
                jdbc.sql("select min(global_index) from domain_event_entry").query(Long.class).single(),
                jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single(),
                jdbc.sql("select convert_from(token, 'UTF8') from token_entry where processor_name = 'royalty'")
                        .query(String.class).list(),
                jdbc.sql("select task_instance || ' ' || execution_time || ' ' || picked from scheduled_tasks"
                        + " where execution_time < now() + interval '1 day'").query(String.class).list())
                .singleElement().satisfies(closed -> {
            assertThat(closed.closedBy()).isEqualTo(RoyaltyPeriodCloseSaga.CLOSED_BY);
            assertThat(closed.rulesVersion()).isEqualTo(1);
        }));
        assertProblem(admin().send("POST", "/api/v1/admin/royalties/periods/" + period + "/close", null,
                Map.of()), 409, "period " + period + " is already closed");
        eventually(() -> assertThat(sagaIds(period)).isEmpty());
    }

    @Test
    void theCloseWaitsInTheDatabaseUntilTheGraceWindowEnds() {
        String period = period(1000, 2000);
        declarePool(period);
        declarePool(period);

        eventually(() -> assertThat(sagaIds(period)).hasSize(1));
        String sagaId = sagaIds(period).get(0);
        Instant due = YearMonth.parse(period).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plus(GRACE);
        eventually(() -> assertThat(deadlinesOf(sagaId)).containsExactly(due));
        // the saga is stored as JSON (Jackson), not XML
        assertThat(jdbc.sql("select convert_from(serialized_saga, 'UTF8') from saga_entry where saga_id = ?")
                .param(sagaId).query(String.class).single()).startsWith("{").contains("\"" + period + "\"");
        assertThat(closes(period)).isEmpty();
    }

    @Test
    void anAdminCloseEndsTheSagaAndDropsItsDeadline() {
        String period = period(1000, 2000);
        declarePool(period);
        eventually(() -> assertThat(sagaIds(period)).hasSize(1));
        String sagaId = sagaIds(period).get(0);
        eventually(() -> assertThat(deadlinesOf(sagaId)).hasSize(1));

        ApiClient.Response closed = admin().send("POST", "/api/v1/admin/royalties/periods/" + period + "/close",
                null, Map.of());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        eventually(() -> {
            assertThat(sagaIds(period)).isEmpty();
            assertThat(deadlinesOf(sagaId)).isEmpty();
        });
        assertThat(closes(period)).singleElement().extracting(RoyaltyPeriodClosed::closedBy)
                .isNotEqualTo(RoyaltyPeriodCloseSaga.CLOSED_BY);
    }
}
