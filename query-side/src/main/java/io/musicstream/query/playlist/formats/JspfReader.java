package io.musicstream.query.playlist.formats;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSPF as ListenBrainz writes it, and as the JSPF draft allows: a track's {@code identifier} and
 * {@code location} may each be a string or a list of strings. Unknown members (extensions, links, meta, dates) are
 * skipped; nesting is bounded and duplicate member names are refused.
 */
public final class JspfReader implements PlaylistReader {

    /** Deeper than any JSPF with extensions needs; bounds the work a nested document can cause. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final TrackUrls urls;
    private final PlaylistReadLimits limits;

    public JspfReader(TrackUrls urls, PlaylistReadLimits limits) {
        this.urls = urls;
        this.limits = limits;
    }

    @Override
    public PlaylistFormat format() {
        return PlaylistFormat.JSPF;
    }

    @Override
    public PlaylistDocument read(InputStream in) {
        String text = DocumentText.read(in, PlaylistFormat.JSPF, limits.maxBytes());
        Problems problems = new Problems(PlaylistFormat.JSPF, limits);
        try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            PlaylistDocument document = new Parse(json, problems).document();
            problems.throwIfAny();
            return document;
        } catch (JacksonException e) {
            throw problems.fatal("not well-formed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private final class Parse {

        private final JsonParser json;
        private final Problems problems;

        Parse(JsonParser json, Problems problems) {
            this.json = json;
            this.problems = problems;
        }

        PlaylistDocument document() {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw problems.fatal("the document must be a JSON object with a \"playlist\" object");
            }
            PlaylistDocument document = null;
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("playlist") && value == JsonToken.START_OBJECT) {
                    document = playlist();
                } else if (name.equals("playlist")) {
                    throw problems.fatal("\"playlist\" must be an object");
                } else {
                    json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw problems.fatal("content after the root object" + at(json.currentLocation()));
            }
            if (document == null) {
                throw problems.fatal("the document must be a JSON object with a \"playlist\" object");
            }
            return document;
        }

        private PlaylistDocument playlist() {
            String title = null;
            String creator = null;
            String annotation = null;
            List<PlaylistEntry> entries = List.of();
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "title" -> title = problems.line("playlist.title", string("playlist.title"),
                            limits.maxTitleLength());
                    case "creator" -> creator = problems.line("playlist.creator", string("playlist.creator"),
                            limits.maxCreatorLength());
                    case "annotation" -> annotation = problems.paragraph("playlist.annotation",
                            string("playlist.annotation"), limits.maxAnnotationLength());
                    case "track" -> entries = tracks();
                    default -> json.skipChildren();
                }
            }
            return new PlaylistDocument(title, creator, annotation, entries);
        }

        private List<PlaylistEntry> tracks() {
            if (json.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (json.currentToken() != JsonToken.START_ARRAY) {
                problems.add("playlist.track must be a list of tracks");
                json.skipChildren();
                return List.of();
            }
            List<PlaylistEntry> entries = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                problems.entryCount(entries.size() + 1);
                int index = entries.size();
                if (json.currentToken() != JsonToken.START_OBJECT) {
                    problems.add("playlist.track[" + index + "] must be an object");
                    json.skipChildren();
                    entries.add(new PlaylistEntry(null, null, null, null, null, null, null));
                } else {
                    entries.add(track("playlist.track[" + index + "]."));
                }
            }
            return entries;
        }

        private PlaylistEntry track(String where) {
            String title = null;
            String creator = null;
            String album = null;
            Long duration = null;
            String isrc = null;
            String location = null;
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "title" -> title = problems.line(where + "title", string(where + "title"),
                            limits.maxTitleLength());
                    case "creator" -> creator = problems.line(where + "creator", string(where + "creator"),
                            limits.maxCreatorLength());
                    case "album" -> album = problems.line(where + "album", string(where + "album"),
                            limits.maxTitleLength());
                    case "duration" -> duration = duration(where + "duration");
                    case "identifier" -> {
                        for (String identifier : strings(where + "identifier")) {
                            String value = problems.line(where + "identifier", identifier, limits.maxLocationLength());
                            if (isrc == null) {
                                isrc = Isrc.fromIdentifier(value);
                            }
                        }
                    }
                    case "location" -> {
                        for (String raw : strings(where + "location")) {
                            String value = problems.line(where + "location", raw, limits.maxLocationLength());
                            if (location == null) {
                                location = value;
                            }
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            String trackId = location == null ? null : urls.trackId(location).orElse(null);
            return new PlaylistEntry(title, creator, album, duration, isrc, trackId, location);
        }

        /** The current value as a string; {@code null} is absent, anything else a problem. */
        private String string(String where) {
            JsonToken token = json.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return json.getString();
            }
            if (token != JsonToken.VALUE_NULL) {
                problems.add(where + " must be a string");
                json.skipChildren();
            }
            return null;
        }

        /** A string or a list of strings. */
        private List<String> strings(String where) {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                String value = string(where);
                return value == null ? List.of() : List.of(value);
            }
            List<String> values = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                String value = string(where);
                if (value != null && values.size() < 16) {
                    values.add(value);
                }
            }
            return values;
        }

        private Long duration(String where) {
            JsonToken token = json.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return problems.duration(where, json.getString());
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT && !json.isNaN()) {
                double value = json.getDoubleValue();
                if (value >= 0 && value < 1e12) {
                    return Math.round(value);
                }
            }
            problems.add(where + ": must be a whole number of milliseconds from 0 to 999999999999");
            json.skipChildren();
            return null;
        }
    }
}
