package io.musicstream.projections.catalog;

import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.catalog.TrackTakenDown;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Catalog events for read-model tests, with the details no read model cares about filled in. */
public final class CatalogEvents {

    public static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final AudioFeatures FEATURES = new AudioFeatures(120.0, 0.5, 0.5, 0.5, 0.1, 0.0, -8.0);
    private static final List<RightsShare> RIGHTS = List.of(
            new RightsShare("label", "Label", RightsRole.RECORDING_OWNER, 10_000));

    private CatalogEvents() {
    }

    public static ArtistRegistered artist(String artistId, String name) {
        return new ArtistRegistered(artistId, name, AT);
    }

    /** A track of its release's artists (it names none of its own), licensed worldwide, 200 s long. */
    public static TrackSpec track(String trackId, String title, int discNumber, int trackNumber) {
        return track(trackId, title, discNumber, trackNumber, List.of(), List.of("WW"));
    }

    public static TrackSpec track(String trackId, String title, int discNumber, int trackNumber,
                                  List<String> artistIds, List<String> territories) {
        String isrc = String.format("QZTST%07d", Math.floorMod(trackId.hashCode(), 10_000_000));
        return new TrackSpec(trackId, isrc, title, 200_000, discNumber, trackNumber, false, artistIds, FEATURES,
                territories, RIGHTS);
    }

    public static ReleaseIngested release(String releaseId, String title, List<String> artistIds, String releaseDate,
                                          List<String> genres, TrackSpec... tracks) {
        return new ReleaseIngested(releaseId, "0" + Math.abs(releaseId.hashCode()), title, ReleaseType.ALBUM,
                artistIds, "Label", releaseDate == null ? null : LocalDate.parse(releaseDate), genres,
                "https://img.example/" + releaseId + ".jpg", List.of(tracks), AT);
    }

    /** Taken down everywhere when {@code territories} is empty. */
    public static TrackTakenDown takenDown(String releaseId, String trackId, List<String> territories, String reason) {
        return new TrackTakenDown(releaseId, trackId, territories, reason, AT);
    }

    /** Every takedown lifted when {@code territories} is empty. */
    public static TrackRestored restored(String releaseId, String trackId, List<String> territories) {
        return new TrackRestored(releaseId, trackId, territories, AT);
    }

    public static TrackPlayed played(String trackId) {
        return new TrackPlayed(UUID.randomUUID().toString(), "listener", trackId, AT, 180_000, "phone", "SE", "SE", "r-1", List.of("a-1"), null,
                null, false, true, 1);
    }
}
