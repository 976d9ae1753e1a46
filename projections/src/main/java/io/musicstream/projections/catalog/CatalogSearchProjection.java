package io.musicstream.projections.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.projections.common.SearchText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes artists, albums and tracks into Elasticsearch. Documents have stable ids and are written whole,
 * so replaying an event rewrites the same documents: the projection is idempotent.
 */
@Component
@ProcessingGroup(CatalogSearchProjection.PROCESSING_GROUP)
public class CatalogSearchProjection {

    public static final String PROCESSING_GROUP = "catalog-search";

    private final ElasticsearchClient client;
    private final CatalogIndex index;
    private final JdbcClient jdbc;

    public CatalogSearchProjection(ElasticsearchClient client, CatalogIndex index, JdbcClient jdbc) {
        this.client = client;
        this.index = index;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ArtistRegistered event) {
        bulk(List.of(Map.entry("artist:" + event.artistId(), document("artist", event.artistId(), event.name()))));
    }

    @EventHandler
    void on(ReleaseIngested event) {
        Map<String, String> artistNames = artistNames(event);
        Integer year = event.releaseDate() == null ? null : event.releaseDate().getYear();
        List<Map.Entry<String, Map<String, Object>>> docs = new ArrayList<>();

        Map<String, Object> album = document("album", event.releaseId(), event.title());
        putArtists(album, event.artistIds(), artistNames);
        album.put("genres", event.genres());
        album.put("release_year", year);
        album.put("upc", event.upc());
        docs.add(Map.entry("album:" + event.releaseId(), album));

        for (TrackSpec track : event.tracks()) {
            Map<String, Object> doc = document("track", track.trackId(), track.title());
            putArtists(doc, track.artistIds(), artistNames);
            doc.put("album", SearchText.fold(event.title()));
            doc.put("release_id", event.releaseId());
            doc.put("genres", event.genres());
            doc.put("release_year", year);
            doc.put("explicit", track.explicit());
            doc.put("territories", track.territories());
            doc.put("duration_ms", track.durationMs());
            doc.put("isrc", track.isrc());
            docs.add(Map.entry("track:" + track.trackId(), doc));
        }
        bulk(docs);
    }

    /** The fields every kind shares; names are indexed folded and kept as given for display. */
    private static Map<String, Object> document(String kind, String id, String name) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", kind);
        doc.put("id", id);
        doc.put("name", SearchText.fold(name));
        doc.put("display_name", name);
        doc.put("taken_down", false);
        doc.put("popularity", 0);
        doc.put("suggest", Map.of("input", List.of(SearchText.fold(name))));
        return doc;
    }

    private static void putArtists(Map<String, Object> doc, List<String> artistIds, Map<String, String> names) {
        List<String> artists = artistIds.stream().map(id -> names.getOrDefault(id, id)).toList();
        doc.put("artist_names", SearchText.fold(String.join(" ", artists)));
        doc.put("display_artists", artists);
        doc.put("artist_ids", artistIds);
    }

    private Map<String, String> artistNames(ReleaseIngested event) {
        List<String> ids = new ArrayList<>(event.artistIds());
        event.tracks().forEach(t -> ids.addAll(t.artistIds()));
        return jdbc.sql("select artist_id, name from catalog_artist where artist_id in (:ids)")
                .param("ids", ids.stream().distinct().toList())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void bulk(List<Map.Entry<String, Map<String, Object>>> docs) {
        index.ensureExists();
        BulkRequest.Builder request = new BulkRequest.Builder();
        docs.forEach(d -> request.operations(op -> op.index(i -> i.index(CatalogIndex.ALIAS).id(d.getKey())
                .document(d.getValue()))));
        try {
            BulkResponse response = client.bulk(request.build());
            if (response.errors()) {
                String reasons = response.items().stream().filter(i -> i.error() != null)
                        .map(i -> i.id() + ": " + i.error().reason()).limit(5).collect(Collectors.joining("; "));
                throw new IllegalStateException("catalog index rejected documents: " + reasons);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index unreachable", e);
        }
    }
}
