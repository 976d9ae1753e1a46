package io.musicstream.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresMemorySettingsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aQuarterOfTheMachineForSharedBuffersWithinBounds() {
        assertThat(PostgresDevServer.memorySettings(24 * 1024 * MB))
                .contains("shared_buffers=6144MB", "effective_cache_size=12288MB");
        assertThat(PostgresDevServer.memorySettings(256 * MB))
                .contains("shared_buffers=128MB", "effective_cache_size=128MB");
        assertThat(PostgresDevServer.memorySettings(256 * 1024 * MB))
                .contains("shared_buffers=8192MB", "effective_cache_size=131072MB");
    }
}
