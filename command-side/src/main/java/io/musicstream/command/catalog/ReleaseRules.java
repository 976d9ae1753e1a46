package io.musicstream.command.catalog;

import io.musicstream.command.common.InputRules;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a release must meet to enter the catalog. Returns every fault, not just the first. */
final class ReleaseRules {

    static final int FULL_SHARE_BASIS_POINTS = 10_000;
    private static final Pattern UPC = Pattern.compile("\\d{12,14}");
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}\\d{7}");
    private static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}");

    private ReleaseRules() {
    }

    static final int MAX_TRACKS = 500;
    static final int MAX_POSITION = 999;
    static final long MAX_DURATION_MS = 24L * 60 * 60 * 1000;

    /** What no catalog event may carry (400, before the domain rules below). */
    static void checkInput(IngestRelease release) {
        InputRules rules = InputRules.check()
                .text("releaseId", release.releaseId(), InputRules.ID)
                .text("upc", release.upc(), InputRules.ID)
                .text("title", release.title(), InputRules.NAME)
                .texts("artistIds", release.artistIds(), InputRules.ARTIST_ID, InputRules.MAX_ARTISTS)
                .text("label", release.label(), InputRules.LABEL)
                .texts("genres", release.genres(), InputRules.GENRE, InputRules.MAX_GENRES)
                .url("artworkUrl", release.artworkUrl())
                .size("tracks", release.tracks(), MAX_TRACKS);
        if (release.tracks() != null && release.tracks().size() <= MAX_TRACKS) {
            for (int i = 0; i < release.tracks().size(); i++) {
                if (release.tracks().get(i) != null) {
                    trackInput(rules, "tracks[" + i + "]", release.tracks().get(i));
                }
            }
        }
        rules.orThrow();
    }

    static void trackInput(InputRules rules, String where, TrackSpec track) {
        rules.text(where + ".trackId", track.trackId(), InputRules.ID)
                .text(where + ".isrc", track.isrc(), InputRules.ID)
                .text(where + ".title", track.title(), InputRules.NAME)
                .texts(where + ".artistIds", track.artistIds(), InputRules.ARTIST_ID, InputRules.MAX_ARTISTS)
                .texts(where + ".territories", track.territories(), InputRules.ID, InputRules.MAX_TERRITORIES)
                .size(where + ".rightsHolders", track.rightsHolders(), InputRules.MAX_RIGHTS_HOLDERS);
        if (track.durationMs() > MAX_DURATION_MS) {
            rules.fault(where + ".durationMs", "must be at most " + MAX_DURATION_MS + " (24 hours)");
        }
        if (track.discNumber() > MAX_POSITION || track.trackNumber() > MAX_POSITION) {
            rules.fault(where, "disc and track numbers are at most " + MAX_POSITION);
        }
        if (track.rightsHolders() != null && track.rightsHolders().size() <= InputRules.MAX_RIGHTS_HOLDERS) {
            for (int j = 0; j < track.rightsHolders().size(); j++) {
                RightsShare share = track.rightsHolders().get(j);
                if (share != null) {
                    rules.text(where + ".rightsHolders[" + j + "].partyId", share.partyId(), InputRules.ID)
                            .text(where + ".rightsHolders[" + j + "].name", share.name(), InputRules.NAME);
                }
            }
        }
    }

    /** Ids and reason of a takedown or restore. */
    static void checkInput(String releaseId, String trackId, List<String> territories, String reason) {
        InputRules.check().text("releaseId", releaseId, InputRules.ID).text("trackId", trackId, InputRules.ID)
                .texts("territories", territories, InputRules.ID, InputRules.MAX_TERRITORIES)
                .text("reason", reason, InputRules.REASON).orThrow();
    }

    static List<String> faults(IngestRelease release) {
        List<String> faults = new ArrayList<>();
        if (release.upc() == null || !UPC.matcher(release.upc()).matches()) {
            faults.add("upc must be 12 to 14 digits");
        }
        if (blank(release.title())) {
            faults.add("title must not be blank");
        }
        if (release.releaseType() == null) {
            faults.add("releaseType is required");
        }
        if (release.artistIds() == null || release.artistIds().isEmpty()) {
            faults.add("a release needs at least one artist");
        }
        if (release.tracks() == null || release.tracks().isEmpty()) {
            faults.add("a release needs at least one track");
            return faults;
        }
        Set<String> isrcs = new HashSet<>();
        Set<String> positions = new HashSet<>();
        for (int i = 0; i < release.tracks().size(); i++) {
            TrackSpec track = release.tracks().get(i);
            String where = "tracks[" + i + "]";
            if (track == null) {
                faults.add(where + " must not be null");
                continue;
            }
            if (track.isrc() == null || !ISRC.matcher(track.isrc()).matches()) {
                faults.add(where + ".isrc must be an ISRC such as USRC17607839");
            } else if (!isrcs.add(track.isrc())) {
                faults.add(where + ".isrc " + track.isrc() + " appears more than once");
            }
            if (track.discNumber() < 1 || track.trackNumber() < 1) {
                faults.add(where + " disc and track numbers start at 1");
            } else if (!positions.add(track.discNumber() + "/" + track.trackNumber())) {
                faults.add(where + " disc " + track.discNumber() + " track " + track.trackNumber()
                        + " appears more than once");
            }
            faults.addAll(trackFaults(where, track));
        }
        return faults;
    }

    /** Rules of one track on its own (ISRC and position clashes are checked against the whole release). */
    static List<String> trackFaults(String where, TrackSpec track) {
        List<String> faults = new ArrayList<>();
        if (blank(track.title())) {
            faults.add(where + ".title must not be blank");
        }
        if (track.durationMs() <= 0) {
            faults.add(where + ".durationMs must be positive");
        }
        if (track.territories() == null || track.territories().isEmpty()) {
            faults.add(where + ".territories must name at least one territory (WW for worldwide)");
        } else if (track.territories().stream().anyMatch(t -> t == null || !TERRITORY.matcher(t).matches())) {
            faults.add(where + ".territories must be ISO 3166-1 alpha-2 codes or WW");
        }
        faults.addAll(shareFaults(where, track.rightsHolders()));
        return faults;
    }

    static boolean validTerritory(String territory) {
        return territory != null && TERRITORY.matcher(territory).matches();
    }

    private static List<String> shareFaults(String where, List<RightsShare> shares) {
        if (shares == null || shares.isEmpty()) {
            return List.of(where + ".rightsHolders must name who is paid for this track");
        }
        List<String> faults = new ArrayList<>();
        long sum = 0;
        for (RightsShare share : shares) {
            if (share == null) {
                faults.add(where + ".rightsHolders must not hold null");
                continue;
            }
            if (share.shareBasisPoints() <= 0) {
                faults.add(where + ".rightsHolders shares must be positive");
            }
            if (blank(share.partyId()) || share.role() == null) {
                faults.add(where + ".rightsHolders need a partyId and a role");
            }
            sum += share.shareBasisPoints();
        }
        if (sum != FULL_SHARE_BASIS_POINTS) {
            faults.add(where + ".rightsHolders shares sum to " + sum / 100.0 + "%, not 100%");
        }
        return faults;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
