package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Push streams: every connected device of a user hears of a new sync token. */
class SyncPushDeliveryTest extends LibraryIntegrationTest {

    @Test
    void everyConnectedDeviceHearsOfANewSyncTokenWithinASecond() throws Exception {
        String token = listener.token();
        BlockingQueue<String> phone = listen(token);
        BlockingQueue<String> laptop = listen(token);
        assertThat(phone.poll(5, TimeUnit.SECONDS)).as("initial event").isNotNull();
        assertThat(laptop.poll(5, TimeUnit.SECONDS)).as("initial event").isNotNull();

        long written = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        long start = System.nanoTime();
        for (BlockingQueue<String> device : List.of(phone, laptop)) {
            String data = device.poll(1_000 - (System.nanoTime() - start) / 1_000_000, TimeUnit.MILLISECONDS);
            assertThat(data).as("a push within one second").isNotNull();
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(data).get("syncToken").asLong()).isEqualTo(written);
        }
    }
}
