package io.musicstream.projections.royalty.statements;

import static io.musicstream.projections.royalty.statements.StatementsReadModel.line;
import static io.musicstream.projections.royalty.statements.StatementsReadModel.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.royalty.statements.RoyaltyStatements.Line;
import io.musicstream.projections.royalty.statements.RoyaltyStatements.Summary;
import io.musicstream.projections.royalty.statements.RoyaltyStatements.Total;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements read model, given {@code RoyaltyStatementIssued} events: a statement whole and a period's list
 * by party id; a redelivered statement and a replay after a reset give the same rows.
 */
class RoyaltyStatementProjectionTest {

    private static final YearMonth NOVEMBER = YearMonth.parse("2026-11");

    private StatementsReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new StatementsReadModel();
    }

    private static RoyaltyStatementIssued labelStatement() {
        return statement("2026-11", "label-ø", "2026-12-04T03:00:00Z",
                "A DK PREMIUM 2026-10 2 -15 DKK", "A DK PREMIUM 2026-11 600 360000 DKK", "A SE FREE 2026-11 0 0 SEK",
                "B DK PREMIUM 2026-11 300 300000 DKK");
    }

    @Test
    void anIssuedStatementReadsBackWithItsLinesInTheEventsOrderAndItsTotals() {
        RoyaltyStatementIssued issued = labelStatement();
        model.statements.deliver(issued);

        RoyaltyStatements.Statement read = model.reader.statement(NOVEMBER, "label-ø").orElseThrow();

        assertThat(read.period()).isEqualTo("2026-11");
        assertThat(read.partyId()).isEqualTo("label-ø");
        assertThat(read.digest()).isEqualTo(issued.digest());
        assertThat(read.issuedAt()).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
        assertThat(read.lines()).containsExactly(
                new Line("A", "QZA", "DK", "PREMIUM", "2026-10", 2, -15, "DKK"),
                new Line("A", "QZA", "DK", "PREMIUM", "2026-11", 600, 360_000, "DKK"),
                new Line("A", "QZA", "SE", "FREE", "2026-11", 0, 0, "SEK"),
                new Line("B", "QZB", "DK", "PREMIUM", "2026-11", 300, 300_000, "DKK"));
        assertThat(read.totals()).containsExactly(new Total("DKK", 659_985, 902), new Total("SEK", 0, 0));
    }

    @Test
    void aStatementNeverIssuedIsNotFound() {
        model.statements.deliver(labelStatement());

        assertThat(model.reader.statement(NOVEMBER, "someone-else")).isEmpty();
        assertThat(model.reader.statement(YearMonth.parse("2026-10"), "label-ø")).isEmpty();
    }

    @Test
    void theListPagesByPartyIdInCodePointOrderWithDigestsAndTotals() {
        for (String party : List.of("b", "ø", "Z", "a")) {
            model.statements.deliver(statement("2026-11", party, "2026-12-04T03:00:00Z",
                    "T DK PREMIUM 2026-11 10 100 DKK", "T SE FREE 2026-11 5 7 SEK"));
        }
        model.statements.deliver(statement("2026-10", "a", "2026-11-04T03:00:00Z", "T DK PREMIUM 2026-10 1 1 DKK"));

        List<Summary> first = model.reader.page(NOVEMBER, null, 2);
        List<Summary> second = model.reader.page(NOVEMBER, first.get(1).partyId(), 2);
        List<Summary> last = model.reader.page(NOVEMBER, second.get(1).partyId(), 2);

        assertThat(first).extracting(Summary::partyId).containsExactly("Z", "a");
        assertThat(second).extracting(Summary::partyId).containsExactly("b", "ø");
        assertThat(last).isEmpty();
        assertThat(first.get(0).totals()).containsExactly(new Total("DKK", 100, 10), new Total("SEK", 7, 5));
        assertThat(first.get(0).digest()).isEqualTo(statement("2026-11", "Z", "2026-12-04T03:00:00Z",
                "T DK PREMIUM 2026-11 10 100 DKK", "T SE FREE 2026-11 5 7 SEK").digest());
    }

    @Test
    void aRedeliveredStatementWritesNothingNew() {
        model.statements.deliver(labelStatement());
        var once = model.rows();

        model.statements.deliver(labelStatement(), labelStatement());
        model.statements.deliverEach(labelStatement());

        assertThat(model.rows()).isEqualTo(once);
        assertThat(model.reader.statement(NOVEMBER, "label-ø").orElseThrow().lines()).hasSize(4);
    }

    @Test
    void aReplayAfterAResetGivesTheSameRows() {
        RoyaltyStatementIssued other = statement("2026-11", "publisher", "2026-12-04T03:00:01Z",
                "A DK PREMIUM 2026-11 600 240000 DKK");
        model.statements.deliverEach(labelStatement(), other);
        var live = model.rows();

        model.statements.reset();
        assertThat(model.reader.page(NOVEMBER, null, 10)).isEmpty();
        model.statements.deliver(labelStatement(), other);

        assertThat(model.rows()).isEqualTo(live);
    }

    @Test
    void aStatementATableCannotStoreIsRefusedInItsHandler() {
        assertThatThrownBy(() -> model.statements.deliver(statement("2026-11", "nul\u0000party",
                "2026-12-04T03:00:00Z", "A DK PREMIUM 2026-11 1 1 DKK")))
                .isInstanceOf(Storable.UnstorableEventException.class).hasMessageContaining("partyId");
        assertThatThrownBy(() -> model.statements.deliver(statement("2026-11", "party", "2026-12-04T03:00:00Z",
                "A\tB DK PREMIUM 2026-11 1 1 DKK")))
                .isInstanceOf(Storable.UnstorableEventException.class).hasMessageContaining("tab");
        assertThat(model.rows().get("statements")).isEmpty();
        assertThat(line("A DK PREMIUM 2026-11 1 1 DKK").isrc()).isEqualTo("QZA");
    }
}
