package io.musicstream.infra.demo;

import io.musicstream.command.catalog.CatalogIds;
import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.RegisterArtist;
import io.musicstream.infra.common.Json;
import tools.jackson.databind.JsonNode;
import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small catalog for demos ({@code music.demo-catalog.enabled=true}, set by {@code make run}), ingested
 * through the same commands as any other release. Ids are derived from names and UPCs, so running it again
 * writes nothing new.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "music.demo-catalog.enabled", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private final CommandGateway commands;
    private final Clock clock;

    DemoCatalog(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    static String artistId(String name) {
        return UUID.nameUUIDFromBytes(("demo-artist:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        JsonNode catalog;
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/catalog.json")) {
            catalog = Json.MAPPER.readTree(in);
        }
        Map<String, String> artists = new HashMap<>();
        int newArtists = 0;
        for (JsonNode name : catalog.get("artists")) {
            String id = artistId(name.asString());
            artists.put(name.asString(), id);
            try {
                commands.sendAndWait(new RegisterArtist(id, name.asString(), clock.instant()));
                newArtists++;
            } catch (AggregateStreamCreationException alreadyThere) {
                // registered by an earlier run
            }
        }
        int releases = 0;
        for (JsonNode release : catalog.get("releases")) {
            String upc = release.get("upc").asString();
            String artistId = artists.get(release.get("artist").asString());
            List<TrackSpec> tracks = new ArrayList<>();
            int number = 1;
            for (JsonNode t : release.get("tracks")) {
                String isrc = t.get(0).asString();
                tracks.add(new TrackSpec(CatalogIds.trackId(upc, isrc), isrc, t.get(1).asString(),
                        t.get(2).asLong(), 1, number++, t.get(3).asBoolean(), List.of(artistId),
                        new AudioFeatures(120, 0.5, 0.5, 0.5, 0.3, 0.1, -8), List.of("WW"),
                        List.of(new RightsShare("label:" + release.get("label").asString(), release.get("label").asString(),
                                        RightsRole.RECORDING_OWNER, 7_000),
                                new RightsShare("publisher:" + artistId, release.get("artist").asString() + " Publishing",
                                        RightsRole.PUBLISHER, 3_000))));
            }
            List<String> genres = new ArrayList<>();
            release.get("genres").forEach(g -> genres.add(g.asString()));
            commands.sendAndWait(new IngestRelease(CatalogIds.releaseId(upc), upc,
                    release.get("title").asString(), ReleaseType.valueOf(release.get("type").asString()), List.of(artistId),
                    release.get("label").asString(), LocalDate.parse(release.get("date").asString()), genres, null, tracks,
                    clock.instant()));
            releases++;
        }
        log.info("demo catalog ready: {} artists ({} new), {} releases", artists.size(), newArtists, releases);
    }
}
