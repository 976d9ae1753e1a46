package io.musicstream.infra.catalog.imports;

import io.musicstream.command.catalog.web.CatalogLine;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.infra.web.JsonErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one line of a catalog file into a {@link CatalogLine}, or refuses it naming every fault found, with
 * the status the single-item endpoints would answer (400 for malformed JSON, wrong types, unknown or missing
 * fields). Uses the application's JSON mapper and bean validation, so a release line is read exactly as the
 * body of {@code POST /api/v1/releases} is (apart from its {@code kind}).
 */
@Component
public class CatalogLineParser {

    static final Pattern ARTIST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final int MAX_ARTIST_NAME = 300;

    private final JsonMapper json;
    private final Validator validator;

    public CatalogLineParser(JsonMapper json, Validator validator) {
        this.json = json.rebuild().addMixIn(IngestReleaseRequest.class, IgnoresKind.class)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        this.validator = validator;
    }

    @JsonIgnoreProperties({"kind"})
    private interface IgnoresKind {
    }

    @JsonIgnoreProperties({"kind"})
    record ArtistLine(String artistId, String name) {
    }

    /** What a line holds: a catalog line, or the reasons it was refused. */
    public sealed interface Parsed permits Accepted, Refused {
    }

    public record Accepted(CatalogLine line) implements Parsed {
    }

    /** A refused line: its status, the UPC or artist id it names (if readable), and every fault. */
    public record Refused(int status, String upc, String artistId, List<String> errors) implements Parsed {
    }

    /**
     * The line's top-level {@code kind}, {@code upc} and {@code artistId}, read without building anything
     * (values that are not strings are null). Stops once kind and UPC are known unless {@code whole}.
     */
    public record Peek(boolean object, String kind, String upc, String artistId) {
    }

    /** A quick look at a line, for ordering; never throws (what it could not read is null). */
    public Peek peek(byte[] bytes, int offset, int length) {
        try {
            return scan(bytes, offset, length, false);
        } catch (JacksonException e) {
            return new Peek(false, null, null, null);
        }
    }

    public Parsed parse(byte[] bytes, int offset, int length) {
        Peek peek;
        try {
            peek = scan(bytes, offset, length, false);
        } catch (JacksonException e) {
            return new Refused(400, null, null, List.of("malformed JSON: " + JsonErrors.reason(e)));
        }
        if (!peek.object()) {
            return new Refused(400, null, null, List.of("a line must be one JSON object"));
        }
        if (peek.kind() == null) {
            return refused(bytes, offset, length, List.of("kind is required: \"artist\" or \"release\""));
        }
        return switch (peek.kind()) {
            case "artist" -> artist(bytes, offset, length);
            case "release" -> release(bytes, offset, length);
            default -> refused(bytes, offset, length, List.of(
                    "kind must be \"artist\" or \"release\", not \"" + abbreviated(peek.kind()) + "\""));
        };
    }

    private Parsed artist(byte[] bytes, int offset, int length) {
        ArtistLine artist;
        try {
            artist = json.readValue(bytes, offset, length, ArtistLine.class);
        } catch (JacksonException e) {
            return unreadable(bytes, offset, length, e);
        }
        List<String> faults = new ArrayList<>();
        if (artist.artistId() == null || !ARTIST_ID.matcher(artist.artistId()).matches()) {
            faults.add("artistId: must be 1 to 200 letters, digits, '.', '_', ':' or '-'");
        }
        if (artist.name() == null || artist.name().isBlank()) {
            faults.add("name: must not be blank");
        } else if (artist.name().length() > MAX_ARTIST_NAME) {
            faults.add("name: size must be between 0 and " + MAX_ARTIST_NAME);
        }
        if (!faults.isEmpty()) {
            return refused(bytes, offset, length, faults);
        }
        return new Accepted(new CatalogLine.Artist(artist.artistId(), artist.name()));
    }

    private Parsed release(byte[] bytes, int offset, int length) {
        IngestReleaseRequest release;
        try {
            release = json.readValue(bytes, offset, length, IngestReleaseRequest.class);
        } catch (JacksonException e) {
            return unreadable(bytes, offset, length, e);
        }
        List<String> faults = validator.validate(release).stream()
                .map(CatalogLineParser::describe).sorted().collect(Collectors.toCollection(ArrayList::new));
        if (release.tracks() != null) {
            for (int i = 0; i < release.tracks().size(); i++) {
                TrackRequest track = release.tracks().get(i);
                if (track != null && track.rightsHolders() != null && track.rightsHolders().contains(null)) {
                    faults.add("tracks[" + i + "].rightsHolders: must not contain null");
                }
            }
        }
        if (!faults.isEmpty()) {
            return refused(bytes, offset, length, faults);
        }
        return new Accepted(new CatalogLine.Release(release));
    }

    private Refused unreadable(byte[] bytes, int offset, int length, JacksonException e) {
        if (e instanceof StreamReadException) {
            return new Refused(400, null, null, List.of("malformed JSON: " + JsonErrors.reason(e)));
        }
        return refused(bytes, offset, length, List.of(JsonErrors.describe(e)));
    }

    private Refused refused(byte[] bytes, int offset, int length, List<String> faults) {
        Peek keys;
        try {
            keys = scan(bytes, offset, length, true);
        } catch (JacksonException e) {
            keys = new Peek(true, null, null, null);
        }
        return new Refused(400, keys.upc(), keys.artistId(), faults);
    }

    private Peek scan(byte[] bytes, int offset, int length, boolean whole) {
        try (JsonParser parser = json.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Peek(false, null, null, null);
            }
            String kind = null;
            String upc = null;
            String artistId = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                switch (name) {
                    case "kind" -> kind = text;
                    case "upc" -> upc = text == null ? null : abbreviated(text);
                    case "artistId" -> artistId = text == null ? null : abbreviated(text);
                    default -> parser.skipChildren();
                }
                if (!whole && kind != null && (upc != null || !kind.equals("release"))) {
                    break;
                }
            }
            return new Peek(true, kind, upc, artistId);
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    private static String abbreviated(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
