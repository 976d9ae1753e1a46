package io.musicstream.infra.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the replay reads of a play: its fields as the revision-3 payload names them. A field that is missing or of
 * another JSON type reads as {@code null} (none for artists), and only a JSON {@code true} counts the play, the
 * same whether the payload is streamed ({@link #parse}) or an upcast tree ({@link #of}).
 */
record PlayFacts(boolean counted, String userId, String trackId, String startedAt, String playedIn, String tier,
                 String contextType, List<String> artistIds) {

    /** Reads a revision-3 payload with a streaming parser: a play is most of what the replay reads. */
    static PlayFacts parse(JsonFactory factory, byte[] payload) throws IOException {
        boolean counted = false;
        String userId = null;
        String trackId = null;
        String startedAt = null;
        String playedIn = null;
        String tier = null;
        String contextType = null;
        List<String> artistIds = List.of();
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a play's payload is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "counted" -> counted = value == JsonToken.VALUE_TRUE;
                    case "userId" -> userId = text(parser, value);
                    case "trackId" -> trackId = text(parser, value);
                    case "startedAt" -> startedAt = text(parser, value);
                    case "playedIn" -> playedIn = text(parser, value);
                    case "tier" -> tier = text(parser, value);
                    case "artistIds" -> artistIds = texts(parser, value);
                    case "context" -> contextType = contextType(parser, value);
                    default -> parser.skipChildren();
                }
            }
        }
        hash(userId);
        hash(trackId);
        artistIds.forEach(PlayFacts::hash);
        return new PlayFacts(counted, userId, trackId, startedAt, playedIn, tier, contextType, artistIds);
    }

    /** Hashes the id where it is parsed, on the reading thread: a String keeps its hash for the folding one. */
    private static void hash(String id) {
        if (id != null) {
            id.hashCode();
        }
    }

    /** Reads an upcast tree (plays stored as revision 1 or 2). */
    static PlayFacts of(JsonNode play) {
        List<String> artistIds = new ArrayList<>();
        play.path("artistIds").forEach(a -> {
            if (a.isTextual()) {
                artistIds.add(a.asText());
            }
        });
        JsonNode counted = play.get("counted");
        return new PlayFacts(counted != null && counted.isBoolean() && counted.booleanValue(), text(play, "userId"),
                text(play, "trackId"), text(play, "startedAt"), text(play, "playedIn"), text(play, "tier"),
                text(play.path("context"), "type"), artistIds);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private static List<String> texts(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> texts = new ArrayList<>(2);
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element == JsonToken.VALUE_STRING) {
                texts.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return texts;
    }

    private static String contextType(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String type = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken inner = parser.nextToken();
            if (field.equals("type")) {
                type = text(parser, inner);
            } else {
                parser.skipChildren();
            }
        }
        return type;
    }
}
