package io.musicstream.query.playlist.formats;

/** The reader and writer of each format, for one base URL of our track locations and one set of read limits. */
public final class PlaylistFormats {

    private final TrackUrls urls;
    private final PlaylistReadLimits limits;

    public PlaylistFormats(TrackUrls urls, PlaylistReadLimits limits) {
        this.urls = urls;
        this.limits = limits;
    }

    public PlaylistReader reader(PlaylistFormat format) {
        return switch (format) {
            case XSPF -> new XspfReader(urls, limits);
            case JSPF -> new JspfReader(urls, limits);
            case M3U -> new M3uReader(urls, limits);
        };
    }

    public PlaylistWriter writer(PlaylistFormat format) {
        return switch (format) {
            case XSPF -> new XspfWriter(urls);
            case JSPF -> new JspfWriter(urls);
            case M3U -> new M3uWriter(urls);
        };
    }
}
