package io.musicstream.query.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.royalty.statements.RoyaltyStatements.Line;
import io.musicstream.projections.royalty.statements.RoyaltyStatements.Statement;
import io.musicstream.projections.royalty.statements.RoyaltyStatements.Total;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DSR-style flat file of a statement: amounts in the currency's minor digits, records merged and counted. */
class DsrFileTest {

    @Test
    void amountsHaveTheCurrencysMinorDigits() {
        assertThat(DsrFile.amount(BigDecimal.valueOf(360_000), "DKK")).isEqualTo("3600.00");
        assertThat(DsrFile.amount(BigDecimal.valueOf(-15), "DKK")).isEqualTo("-0.15");
        assertThat(DsrFile.amount(BigDecimal.ZERO, "SEK")).isEqualTo("0.00");
        assertThat(DsrFile.amount(BigDecimal.valueOf(1234), "JPY")).isEqualTo("1234");
        assertThat(DsrFile.amount(BigDecimal.valueOf(1234), "BHD")).isEqualTo("1.234");
        assertThat(DsrFile.amount(new BigDecimal("18446744073709551614"), "EUR"))
                .isEqualTo("184467440737095516.14");
    }

    @Test
    void linesOfOneIsrcTerritoryAndModelAreOneUsageRecordAdjustmentsIncluded() {
        Statement statement = new Statement("2026-02", "label", List.of(
                new Line("t1", "ISRC1", "JP", "FREE", "2026-01", 1, -3, "JPY"),
                new Line("t1", "ISRC1", "JP", "FREE", "2026-02", 10, 100, "JPY"),
                new Line("t2", "ISRC1", "JP", "FREE", "2026-02", 5, 50, "JPY"),
                new Line("t1", "ISRC1", "JP", "PREMIUM", "2026-02", 2, Long.MAX_VALUE, "JPY")),
                List.of(new Total("JPY", 0, 18)), "0123456789abcdef0123", Instant.parse("2026-03-04T05:06:07.890Z"));

        assertThat(DsrFile.write(statement).split("\n", -1)).containsExactly(
                "HEAD\tdsrf-subset/1\tBasicAudioProfile\tmusicstream-1\t0123456789abcdef\t2026-03-04T05:06:07Z\t1\t1"
                        + "\t2026-02-01\t2026-02-28\tmusicstream\tlabel",
                "SY01\t1\tOnDemandStream\tJP\tJPY\t18\t" + BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal
                        .valueOf(147)).toPlainString(),
                "SU02\t1\t1\tISRC1\tAdvertisementSupportedModel\tOnDemandStream\tJP\t16\t147\tJPY",
                "SU02\t1\t2\tISRC1\tSubscriptionModel\tOnDemandStream\tJP\t2\t" + Long.MAX_VALUE + "\tJPY",
                "FOOT\t5\t1\t2",
                "");
    }
}
