package io.musicstream.query.playlist.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Extended M3U in UTF-8: {@code #EXTM3U}, {@code #PLAYLIST:title}, then per entry {@code #EXTINF:<seconds>,<Artist> -
 * <Title>} ({@code -1} seconds when unknown), {@code #EXTALB:album} when known, {@code #ISRC:CODE} when known, and
 * the location line. {@code #ISRC:} is this service's own comment: players skip unknown {@code #} lines.
 */
public final class M3uWriter implements PlaylistWriter {

    static final String HEADER = "#EXTM3U";
    static final String PLAYLIST = "#PLAYLIST:";
    static final String EXTINF = "#EXTINF:";
    static final String ALBUM = "#EXTALB:";
    static final String ISRC = "#ISRC:";

    private final TrackUrls urls;

    public M3uWriter(TrackUrls urls) {
        this.urls = urls;
    }

    @Override
    public PlaylistFormat format() {
        return PlaylistFormat.M3U;
    }

    /** @throws IllegalArgumentException for an entry with neither a location nor a track id: M3U needs a location */
    @Override
    public void write(PlaylistDocument document, OutputStream out) throws IOException {
        Writer m3u = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        m3u.write(HEADER);
        m3u.write('\n');
        if (document.title() != null) {
            m3u.write(PLAYLIST);
            m3u.write(oneLine(document.title()));
            m3u.write('\n');
        }
        int index = 0;
        for (PlaylistEntry entry : document.entries()) {
            String location = PlaylistWriter.location(entry, urls);
            if (location == null) {
                throw new IllegalArgumentException("entry " + index + " has neither a location nor a track id");
            }
            m3u.write(EXTINF);
            m3u.write(entry.durationMs() == null ? "-1" : Long.toString(Math.round(entry.durationMs() / 1000.0)));
            m3u.write(',');
            if (entry.creator() != null) {
                m3u.write(oneLine(entry.creator()));
                m3u.write(" - ");
            }
            m3u.write(entry.title() == null ? "" : oneLine(entry.title()));
            m3u.write('\n');
            if (entry.album() != null) {
                m3u.write(ALBUM);
                m3u.write(oneLine(entry.album()));
                m3u.write('\n');
            }
            if (entry.isrc() != null) {
                m3u.write(ISRC);
                m3u.write(oneLine(entry.isrc()));
                m3u.write('\n');
            }
            m3u.write(oneLine(location));
            m3u.write('\n');
            index++;
        }
        m3u.flush();
    }

    /** Control characters (line breaks above all) become spaces: M3U is one field per line. */
    private static String oneLine(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? value : out.toString();
    }
}
