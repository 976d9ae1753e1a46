package io.musicstream.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Release request bodies for tests. */
public final class Releases {

    private Releases() {
    }

    public static Map<String, Object> track(String isrc, String title, int number) {
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("isrc", isrc);
        track.put("title", title);
        track.put("durationMs", 354_000);
        track.put("discNumber", 1);
        track.put("trackNumber", number);
        track.put("explicit", false);
        track.put("audioFeatures", Map.of("tempo", 72.0, "energy", 0.4, "valence", 0.2, "danceability", 0.3,
                "acousticness", 0.3, "instrumentalness", 0.0, "loudness", -9.9));
        track.put("territories", List.of("WW"));
        track.put("rightsHolders", List.of(
                Map.of("partyId", "emi", "name", "EMI", "role", "RECORDING_OWNER", "shareBasisPoints", 6000),
                Map.of("partyId", "sony-pub", "name", "Sony Music Publishing", "role", "PUBLISHER",
                        "shareBasisPoints", 4000)));
        return track;
    }

    public static Map<String, Object> release(String upc, String title, String artistId, List<Map<String, Object>> tracks) {
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("upc", upc);
        release.put("title", title);
        release.put("releaseType", "ALBUM");
        release.put("artistIds", List.of(artistId));
        release.put("label", "EMI");
        release.put("releaseDate", "1975-11-21");
        release.put("genres", List.of("rock"));
        release.put("tracks", tracks);
        return release;
    }
}
