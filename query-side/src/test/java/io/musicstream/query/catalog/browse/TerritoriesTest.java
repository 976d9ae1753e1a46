package io.musicstream.query.catalog.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class TerritoriesTest {

    @Test
    void acceptsCountryCodesAndNoTerritory() {
        assertThat(Territories.parse("SE")).isEqualTo("SE");
        assertThat(Territories.parse("XK")).isEqualTo("XK");
        assertThat(Territories.parse(null)).isNull();
    }

    @Test
    void refusesWhatIsNotAnAssignedCountryCode() {
        for (String bad : new String[] {"", "se", "SWE", "S1", "ZZ", "WW"}) {
            assertThatThrownBy(() -> Territories.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
                    .hasMessageContaining("territory");
        }
    }
}
