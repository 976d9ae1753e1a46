package io.musicstream.query.playlist.formats;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads M3U and extended M3U in UTF-8. Every line that is neither blank nor a {@code #} comment is a location
 * (absolute URL or relative path); {@code #EXTINF:<seconds>[ attributes],<display>} before it gives the duration and
 * "Artist - Title" (split at the first " - "; without one the display is the title), {@code #EXTALB:} the album,
 * {@code #ISRC:} the ISRC, {@code #PLAYLIST:} the title. Other comments are ignored; plain M3U without any of them
 * reads as locations only.
 */
public final class M3uReader implements PlaylistReader {

    private final TrackUrls urls;
    private final PlaylistReadLimits limits;

    public M3uReader(TrackUrls urls, PlaylistReadLimits limits) {
        this.urls = urls;
        this.limits = limits;
    }

    @Override
    public PlaylistFormat format() {
        return PlaylistFormat.M3U;
    }

    @Override
    public PlaylistDocument read(InputStream in) {
        String text = DocumentText.read(in, PlaylistFormat.M3U, limits.maxBytes());
        Problems problems = new Problems(PlaylistFormat.M3U, limits);
        String first = text.stripLeading();
        if (first.startsWith("<") || first.startsWith("{") || first.startsWith("[")) {
            throw problems.fatal("the document looks like XML or JSON, not M3U; send it with its own media type");
        }
        String title = null;
        List<PlaylistEntry> entries = new ArrayList<>();
        Pending pending = new Pending();
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = lineEnd(text, start);
            String line = text.substring(start, end).strip();
            lineNumber++;
            start = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            String where = "line " + lineNumber;
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#")) {
                problems.entryCount(entries.size() + 1);
                String location = problems.line(where + " location", line, limits.maxLocationLength());
                String trackId = location == null ? null : urls.trackId(location).orElse(null);
                entries.add(new PlaylistEntry(pending.title, pending.creator, pending.album, pending.durationMs,
                        pending.isrc, trackId, location));
                pending = new Pending();
            } else if (startsWith(line, M3uWriter.EXTINF)) {
                extinf(line.substring(M3uWriter.EXTINF.length()), where, pending, problems);
            } else if (startsWith(line, M3uWriter.PLAYLIST)) {
                title = problems.line(where + " playlist title", line.substring(M3uWriter.PLAYLIST.length()),
                        limits.maxTitleLength());
            } else if (startsWith(line, M3uWriter.ALBUM)) {
                pending.album = problems.line(where + " album", line.substring(M3uWriter.ALBUM.length()),
                        limits.maxTitleLength());
            } else if (startsWith(line, M3uWriter.ISRC)) {
                pending.isrc = Isrc.normalize(line.substring(M3uWriter.ISRC.length()));
            }
        }
        problems.throwIfAny();
        return new PlaylistDocument(title, null, null, entries);
    }

    private void extinf(String value, String where, Pending pending, Problems problems) {
        int comma = value.indexOf(',');
        String head = comma < 0 ? value : value.substring(0, comma);
        String display = comma < 0 ? null : value.substring(comma + 1);
        int space = head.indexOf(' ');
        String seconds = (space < 0 ? head : head.substring(0, space)).strip();
        pending.durationMs = seconds(seconds, where, problems);
        display = problems.line(where + " #EXTINF", display, limits.maxTitleLength() + limits.maxCreatorLength());
        if (display == null) {
            return;
        }
        int dash = display.indexOf(" - ");
        if (dash < 0) {
            pending.title = problems.line(where + " title", display, limits.maxTitleLength());
        } else {
            pending.creator = problems.line(where + " artist", display.substring(0, dash), limits.maxCreatorLength());
            pending.title = problems.line(where + " title", display.substring(dash + 3), limits.maxTitleLength());
        }
    }

    /** Whole or decimal seconds (HLS writes decimals); negative means unknown. */
    private static Long seconds(String value, String where, Problems problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value);
            if (Double.isNaN(seconds) || seconds >= 1e9 || value.length() > 20) {
                problems.add(where + ": #EXTINF duration " + value + " is not a number of seconds");
                return null;
            }
            return seconds < 0 ? null : Math.round(seconds * 1000);
        } catch (NumberFormatException e) {
            problems.add(where + ": #EXTINF duration is not a number of seconds");
            return null;
        }
    }

    private static int lineEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static boolean startsWith(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** What the comment lines before a location said about it. */
    private static final class Pending {
        String title;
        String creator;
        String album;
        Long durationMs;
        String isrc;
    }
}
