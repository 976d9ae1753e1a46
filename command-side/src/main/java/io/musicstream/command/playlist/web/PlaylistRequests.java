package io.musicstream.command.playlist.web;

import static io.musicstream.command.playlist.web.PlaylistCommandController.MAX_ID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.command.common.InputRules;
import io.musicstream.command.playlist.Playlist;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and answer bodies of the playlist writes (Spotify's shapes). */
final class PlaylistRequests {

    private PlaylistRequests() {
    }

    record CreateBody(@NotBlank @Size(max = InputRules.NAME) String name,
                      @Size(max = Playlist.DESCRIPTION) String description,
                      @JsonProperty("public") Boolean isPublic,
                      Boolean collaborative) {
    }

    record DetailsBody(@Size(min = 1, max = InputRules.NAME) String name,
                       @Size(max = Playlist.DESCRIPTION) String description,
                       @JsonProperty("public") Boolean isPublic,
                       Boolean collaborative) {
    }

    record AddBody(@NotEmpty @Size(max = Playlist.MAX_TRACKS_PER_EDIT)
                   List<@NotBlank @Size(max = MAX_ID) String> trackIds,
                   @PositiveOrZero Integer position,
                   @Size(max = MAX_ID) String snapshotId) {
    }

    record RemoveBody(@Size(min = 1, max = Playlist.MAX_TRACKS_PER_EDIT)
                      List<@NotBlank @Size(max = MAX_ID) String> trackIds,
                      @Size(min = 1, max = Playlist.MAX_TRACKS_PER_EDIT) List<@NotNull @PositiveOrZero Integer> positions,
                      @Size(max = MAX_ID) String snapshotId) {
    }

    /** A move ({@code rangeStart}, {@code insertBefore}, {@code rangeLength}?) or a replace ({@code trackIds}). */
    record ReorderOrReplaceBody(@PositiveOrZero Integer rangeStart,
                                @PositiveOrZero Integer insertBefore,
                                @PositiveOrZero Integer rangeLength,
                                @Size(max = MAX_ID) String snapshotId,
                                @Size(max = Playlist.MAX_ITEMS) List<@NotBlank @Size(max = MAX_ID) String> trackIds) {
    }

    record InviteBody(@NotBlank @Size(max = MAX_ID) String userId) {
    }

    record Created(String id, String snapshotId) {
    }

    record Snapshot(String snapshotId) {
    }

    record Invited(String invitationId, Instant expiresAt) {
    }
}
