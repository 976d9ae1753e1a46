package io.musicstream.infra.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ProcessorsHealthIndicatorTest {

    private final ProcessorMonitor monitor = mock(ProcessorMonitor.class);
    private final ProcessorsHealthIndicator health = new ProcessorsHealthIndicator(monitor);

    @Test
    void upWhileEveryProcessorAdvancesEvenWithDeadLettersOrATransientError() {
        when(monitor.statuses()).thenReturn(Map.of(
                "library-sync", status("library-sync", false, false, 3),
                "catalog-search", status("catalog-search", true, false, 0)));
        Health result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails().get("library-sync").toString()).contains("deadLetters=3");
        assertThat(result.getDetails().get("catalog-search").toString()).contains("status=RETRYING");
    }

    @Test
    void downOnceAProcessorStallsWhileBehind() {
        when(monitor.statuses()).thenReturn(Map.of(
                "library-sync", status("library-sync", false, true, 0),
                "catalog-browse", status("catalog-browse", false, false, 0)));
        Health result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.DOWN);
        assertThat(result.getDetails().get("library-sync").toString()).contains("status=STALLED");
    }

    private static ProcessorMonitor.Status status(String name, boolean error, boolean stalled, long deadLetters) {
        return new ProcessorMonitor.Status(name, true, error, 90, 100, 10, deadLetters, stalled,
                stalled ? Duration.ofMinutes(5) : Duration.ZERO);
    }
}
