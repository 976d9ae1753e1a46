package io.musicstream.projections.catalog.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static final List<String> WORLDWIDE = List.of("WW");
    private static final List<String> NORDICS = List.of("NO", "SE");

    @Test
    void aTrackLicensedWorldwideWithoutTakedownsIsAvailableEverywhere() {
        assertThat(Availability.of(WORLDWIDE, false, List.of(), "SE")).isEqualTo(new Availability(true, null));
        assertThat(Availability.of(WORLDWIDE, false, List.of(), null)).isEqualTo(new Availability(true, null));
    }

    @Test
    void aTrackTakenDownEverywhereIsUnavailableWhateverTheTerritory() {
        assertThat(Availability.of(WORLDWIDE, true, List.of(), "SE"))
                .isEqualTo(new Availability(false, "taken down everywhere"));
        assertThat(Availability.of(WORLDWIDE, true, List.of(), null).available()).isFalse();
        assertThat(Availability.of(NORDICS, true, List.of("SE"), "NO").reason()).isEqualTo("taken down everywhere");
    }

    @Test
    void aTakedownInOneTerritoryBlocksOnlyThatTerritory() {
        assertThat(Availability.of(WORLDWIDE, false, List.of("SE"), "SE"))
                .isEqualTo(new Availability(false, "taken down in SE"));
        assertThat(Availability.of(WORLDWIDE, false, List.of("SE"), "NO").available()).isTrue();
    }

    @Test
    void aTrackIsUnavailableWhereItIsNotLicensed() {
        assertThat(Availability.of(NORDICS, false, List.of(), "DE"))
                .isEqualTo(new Availability(false, "not licensed in DE"));
        assertThat(Availability.of(NORDICS, false, List.of(), "NO").available()).isTrue();
    }

    @Test
    void withoutATerritoryOnlyATakedownEverywhereMakesATrackUnavailable() {
        assertThat(Availability.of(NORDICS, false, List.of("SE"), null).available()).isTrue();
    }
}
