package io.musicstream.infra.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportTallyTest {

    @Test
    void countsEveryOutcomeAndHandsOutRefusalsOldestFirst() {
        ImportTally tally = new ImportTally();
        tally.artistRegistered();
        tally.artistUnchanged();
        tally.releaseIngested(3);
        tally.releaseUpdated(2);
        tally.releaseUnchanged(4);
        tally.refuse(7, 400, null, null, List.of("first"));
        tally.refuse(9, 422, "123456789012", null, List.of("second"));

        assertThat(tally.totals(11)).isEqualTo(new CatalogImporter.Totals(11, 1, 1, 1, 2, 2, 9));
        assertThat(tally.nextRefusal().errors()).containsExactly("first");
        assertThat(tally.nextRefusal().upc()).isEqualTo("123456789012");
        assertThat(tally.nextRefusal()).isNull();
    }
}
