package io.musicstream.command.catalog.web;

import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.RightsShareRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.events.catalog.AudioFeatures;
import java.util.List;

/**
 * Writes catalog lines as JSON, one object per line, in a fixed field order and without a library, so that
 * the same lines always give the same bytes (the synthetic catalog promises that for a seed). Absent
 * (null) fields are left out. Numbers that are whole thousandths are written in plain decimal notation
 * ({@code 0.734}, {@code -7.5}); others as {@link Double#toString}.
 */
public final class CatalogJson {

    private CatalogJson() {
    }

    /** The line as JSON, without the newline. */
    public static String toJson(CatalogLine line) {
        StringBuilder out = new StringBuilder(line instanceof CatalogLine.Release r ? 600 * r.release().tracks().size() : 100);
        write(line, out);
        return out.toString();
    }

    /** Appends the line as JSON, without the newline. */
    public static void write(CatalogLine line, StringBuilder out) {
        if (line instanceof CatalogLine.Artist artist) {
            out.append("{\"kind\":\"artist\"");
            field(out, "artistId", artist.artistId());
            field(out, "name", artist.name());
            out.append('}');
        } else {
            writeRelease(((CatalogLine.Release) line).release(), out);
        }
    }

    private static void writeRelease(IngestReleaseRequest r, StringBuilder out) {
        out.append("{\"kind\":\"release\"");
        field(out, "upc", r.upc());
        field(out, "title", r.title());
        if (r.releaseType() != null) {
            field(out, "releaseType", r.releaseType().name());
        }
        strings(out, "artistIds", r.artistIds());
        field(out, "label", r.label());
        if (r.releaseDate() != null) {
            field(out, "releaseDate", r.releaseDate().toString());
        }
        strings(out, "genres", r.genres());
        field(out, "artworkUrl", r.artworkUrl());
        if (r.tracks() != null) {
            out.append(",\"tracks\":[");
            for (int i = 0; i < r.tracks().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeTrack(r.tracks().get(i), out);
            }
            out.append(']');
        }
        out.append('}');
    }

    private static void writeTrack(TrackRequest t, StringBuilder out) {
        if (t == null) {
            out.append("null");
            return;
        }
        out.append('{');
        out.append("\"isrc\":");
        string(out, t.isrc());
        field(out, "title", t.title());
        out.append(",\"durationMs\":").append(t.durationMs());
        out.append(",\"discNumber\":").append(t.discNumber());
        out.append(",\"trackNumber\":").append(t.trackNumber());
        out.append(",\"explicit\":").append(t.explicit());
        strings(out, "artistIds", t.artistIds());
        AudioFeatures f = t.audioFeatures();
        if (f != null) {
            out.append(",\"audioFeatures\":{\"tempo\":");
            number(out, f.tempo());
            out.append(",\"energy\":");
            number(out, f.energy());
            out.append(",\"valence\":");
            number(out, f.valence());
            out.append(",\"danceability\":");
            number(out, f.danceability());
            out.append(",\"acousticness\":");
            number(out, f.acousticness());
            out.append(",\"instrumentalness\":");
            number(out, f.instrumentalness());
            out.append(",\"loudness\":");
            number(out, f.loudness());
            out.append('}');
        }
        strings(out, "territories", t.territories());
        if (t.rightsHolders() != null) {
            out.append(",\"rightsHolders\":[");
            for (int i = 0; i < t.rightsHolders().size(); i++) {
                RightsShareRequest share = t.rightsHolders().get(i);
                if (i > 0) {
                    out.append(',');
                }
                out.append("{\"partyId\":");
                string(out, share.partyId());
                field(out, "name", share.name());
                if (share.role() != null) {
                    field(out, "role", share.role().name());
                }
                out.append(",\"shareBasisPoints\":").append(share.shareBasisPoints()).append('}');
            }
            out.append(']');
        }
        out.append('}');
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(",\"").append(name).append("\":");
            string(out, value);
        }
    }

    private static void strings(StringBuilder out, String name, List<String> values) {
        if (values == null) {
            return;
        }
        out.append(",\"").append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    static void number(StringBuilder out, double value) {
        long thousandths = Math.round(value * 1000);
        if (Double.isFinite(value) && Math.abs(value) < 1e12 && thousandths / 1000.0 == value) {
            if (thousandths < 0) {
                out.append('-');
                thousandths = -thousandths;
            }
            out.append(thousandths / 1000);
            long fraction = thousandths % 1000;
            if (fraction != 0) {
                out.append('.');
                if (fraction < 100) {
                    out.append('0');
                }
                if (fraction < 10) {
                    out.append('0');
                }
                while (fraction % 10 == 0) {
                    fraction /= 10;
                }
                out.append(fraction);
            }
        } else if (Double.isFinite(value)) {
            out.append(value);
        } else {
            out.append("null");
        }
    }

    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
