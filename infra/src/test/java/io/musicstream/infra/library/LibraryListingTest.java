package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import org.junit.jupiter.api.Test;

/** Listings newest first with catalog metadata, and reads that wait for the writer's token, boundedly. */
class LibraryListingTest extends LibraryIntegrationTest {

    @Test
    void readsWaitForTheWritersTokenAndListTheLibraryNewestFirstWithCatalogMetadata() {
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(2), null));
        long token = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));

        JsonNode listing = listener.get("/api/v1/me/library/tracks?minToken=" + token).json();
        assertThat(listing.get("total").asLong()).isEqualTo(2);
        assertThat(listing.at("/items/0/itemId").asText()).isEqualTo(tracks.get(0));
        assertThat(listing.at("/items/0/track/title").asText()).isEqualTo("One");
        assertThat(listing.at("/items/0/track/artists/0/name").asText()).isEqualTo("Library Band");
        assertThat(listing.at("/items/0/track/release/title").asText()).isEqualTo("Shelf Life");
        assertThat(listing.at("/items/0/track/available").asBoolean()).isTrue();
        assertThat(listing.at("/items/1/itemId").asText()).isEqualTo(tracks.get(2));

        long followed = write(listener.put("/api/v1/me/library/artists/" + artist, null));
        JsonNode artists = listener.get("/api/v1/me/library/artists?minToken=" + followed).json();
        assertThat(artists.at("/items/0/artist/name").asText()).isEqualTo("Library Band");
    }

    @Test
    void aTokenTheFeedCannotReachInTimeIs503WithRetryAfter() throws Exception {
        long token;
        // a transaction that took its id before the write holds the feed's bound below the write's token
        try (java.sql.Connection open = jdbc.getDataSource().getConnection()) {
            open.setAutoCommit(false);
            open.createStatement().execute("select pg_current_xact_id()");
            token = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
            long start = System.nanoTime();
            ApiClient.Response listing = listener.get("/api/v1/me/library/tracks?minToken=" + token);
            assertThat((System.nanoTime() - start) / 1_000_000).as("waited about 2 s").isBetween(1_900L, 6_000L);
            assertProblem(listing, 503, "not caught up");
            assertThat(listing.header("Retry-After")).isEqualTo("1");
            ApiClient.Response feed = listener.get("/api/v1/me/sync?since=0&minToken=" + token);
            assertProblem(feed, 503, "not caught up");
            assertThat(feed.header("Retry-After")).isEqualTo("1");
            open.rollback();
        }
        ApiClient.Response caughtUp = listener.get("/api/v1/me/library/tracks?minToken=" + token);
        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.json().get("total").asLong()).isEqualTo(1);
    }
}
