package io.musicstream.query.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import io.musicstream.projections.playlist.Playlists;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the playlist reads answer. */
final class PlaylistViews {

    private PlaylistViews() {
    }

    record UserRef(String id) {
    }

    /** @param invitations pending ones, shown to the owner only (absent for others) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Details(String id, UserRef owner, String name, String description,
                   @JsonProperty("public") boolean isPublic, boolean collaborative, String snapshotId,
                   int itemCount, Instant updatedAt, List<UserRef> collaborators,
                   List<Playlists.Invitation> invitations) {
    }

    /**
     * @param track     the catalog's track, {@code null} when the catalog does not know it (any more)
     * @param available whether the caller can play it in their territory; taken-down tracks stay, unavailable
     */
    record Item(int position, String itemId, String trackId, UserRef addedBy, Instant addedAt, TrackSummary track,
                boolean available) {
    }

    record ItemPage(String snapshotId, int total, int limit, int offset, List<Item> items) {
    }

    /** {@code operations} when {@code reset} is false, {@code items} (every item, in order) when it is true. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Changes(String snapshotId, boolean reset, List<Map<String, Object>> operations,
                   List<Playlists.Item> items) {
    }

    record Summary(String id, UserRef owner, String name, @JsonProperty("public") boolean isPublic,
                   boolean collaborative, String snapshotId, int itemCount, Instant updatedAt) {
    }

    record SummaryPage(long total, int limit, int offset, List<Summary> items) {
    }
}
