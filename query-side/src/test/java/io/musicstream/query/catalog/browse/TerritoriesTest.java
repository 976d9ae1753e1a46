package io.musicstream.query.catalog.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class TerritoriesTest {

    /** No caller: only the parameter counts (the caller's country is covered by the HTTP tests). */
    private final Territories territories = new Territories(null);

    @Test
    void acceptsCountryCodesAndNoTerritory() {
        assertThat(territories.of("SE", null)).isEqualTo("SE");
        assertThat(territories.of("XK", null)).isEqualTo("XK");
        assertThat(territories.of(null, null)).isNull();
    }

    @Test
    void refusesWhatIsNotAnAssignedCountryCode() {
        for (String bad : new String[] {"", "se", "SWE", "S1", "ZZ", "WW"}) {
            assertThatThrownBy(() -> territories.of(bad, null)).as(bad)
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
                    .hasMessageContaining("territory");
        }
    }
}
