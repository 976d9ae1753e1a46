package io.musicstream.projections.catalog.browse;

import java.util.Collection;

/**
 * Whether a track can be played, and if not why: the one rule behind {@code available} on album and track
 * pages and behind leaving tracks out of top tracks.
 *
 * @param available whether the track can be played in the territory asked about
 * @param reason    why not ({@code null} when available), for clients to show next to a greyed-out track
 */
public record Availability(boolean available, String reason) {

    /** Licensed everywhere: the territory code a track's {@code territories} use for worldwide. */
    public static final String WORLDWIDE = "WW";

    private static final Availability AVAILABLE = new Availability(true, null);

    /**
     * A track taken down everywhere is unavailable. Asked about a territory, a track is unavailable there
     * when it is taken down there or not licensed there (neither {@code WW} nor the territory among its
     * territories). Asked about no territory, only a takedown everywhere makes it unavailable.
     *
     * @param territories        where the track is licensed (ISO 3166-1 alpha-2 codes, or {@code WW})
     * @param blockedEverywhere  whether the track is taken down everywhere
     * @param blockedTerritories where the track is taken down
     * @param territory          the listener's territory, or {@code null} when not known
     */
    public static Availability of(Collection<String> territories, boolean blockedEverywhere,
                                  Collection<String> blockedTerritories, String territory) {
        if (blockedEverywhere) {
            return new Availability(false, "taken down everywhere");
        }
        if (territory == null) {
            return AVAILABLE;
        }
        if (blockedTerritories.contains(territory)) {
            return new Availability(false, "taken down in " + territory);
        }
        if (!territories.contains(WORLDWIDE) && !territories.contains(territory)) {
            return new Availability(false, "not licensed in " + territory);
        }
        return AVAILABLE;
    }
}
