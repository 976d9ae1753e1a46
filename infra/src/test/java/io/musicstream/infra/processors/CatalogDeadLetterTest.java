package io.musicstream.infra.processors;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.StoredEvents;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A catalog event that neither PostgreSQL nor the search index can store (an artist name holding a NUL, as a
 * store written before the boundary check may hold) is dead-lettered by both catalog processors, and the
 * catalog changes after it are browsable and searchable as usual.
 */
class CatalogDeadLetterTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPoisonCatalogEventIsDeadLetteredAndTheCatalogGoesOn() throws Exception {
        ApiClient admin = admin();
        String sequence = "artist:" + UUID.randomUUID();
        StoredEvents.append(jdbc, "Artist", sequence,
                new ArtistRegistered(sequence.substring(7), "Bad\u0000Name", Instant.now()));

        String name = "Aftermath Quartet " + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = admin.post("/api/v1/artists", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String artistId = created.json().get("artistId").asText();

        eventually(() -> assertThat(admin.get("/api/v1/artists/" + artistId).status()).isEqualTo(200));
        for (String processor : new String[] {"catalog-browse", "catalog-search"}) {
            eventually(() -> {
                ApiClient.Response listed = admin.get("/api/v1/admin/processors/" + processor
                        + "/dead-letters?sequenceId=" + sequence);
                assertThat(listed.status()).as(processor + ": " + listed).isEqualTo(200);
                JsonNode letters = listed.json();
                assertThat(letters.get("total").asLong()).as(processor).isEqualTo(1);
                assertThat(letters.get("letters").get(0).get("eventType").asText())
                        .isEqualTo(ArtistRegistered.class.getName());
            });
        }
        eventually(() -> assertThat(admin.get("/api/v1/search/suggest?q=" + name.substring(0, 12).replace(" ", "%20"))
                .body()).contains(name));

        // the letter cannot be cured by a retry; evicting it clears the queue
        assertThat(admin.post("/api/v1/admin/processors/catalog-browse/dead-letters/" + sequence + "/retry", null)
                .json().get("failed").toString()).contains(sequence);
        assertThat(admin.delete("/api/v1/admin/processors/catalog-browse/dead-letters/" + sequence + "?all=true")
                .status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/processors/catalog-browse/dead-letters?sequenceId=" + sequence).status())
                .isEqualTo(404);
    }
}
