package io.musicstream.query.playlist.formats;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * ListenBrainz's JSPF: {@code {"playlist": {"title", "creator", "annotation", "track": [{"title", "creator",
 * "album", "duration", "identifier": ["isrc:CODE"], "location": [url]}]}}}. Identifier and location are lists, as
 * ListenBrainz writes them; absent fields are left out.
 */
public final class JspfWriter implements PlaylistWriter {

    /** The caller owns the stream (an HTTP response, say): closing the generator must not close it. */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final TrackUrls urls;

    public JspfWriter(TrackUrls urls) {
        this.urls = urls;
    }

    @Override
    public PlaylistFormat format() {
        return PlaylistFormat.JSPF;
    }

    @Override
    public void write(PlaylistDocument document, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeName("playlist");
            json.writeStartObject();
            string(json, "title", document.title());
            string(json, "creator", document.creator());
            string(json, "annotation", document.annotation());
            json.writeArrayPropertyStart("track");
            for (PlaylistEntry entry : document.entries()) {
                json.writeStartObject();
                string(json, "title", entry.title());
                string(json, "creator", entry.creator());
                string(json, "album", entry.album());
                if (entry.durationMs() != null) {
                    json.writeNumberProperty("duration", entry.durationMs().longValue());
                }
                if (entry.isrc() != null) {
                    json.writeArrayPropertyStart("identifier");
                    json.writeString(Isrc.identifier(entry.isrc()));
                    json.writeEndArray();
                }
                String location = PlaylistWriter.location(entry, urls);
                if (location != null) {
                    json.writeArrayPropertyStart("location");
                    json.writeString(location);
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (JacksonException e) {
            throw new IOException("could not write JSPF", e);
        }
        out.flush();
    }

    private static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }
}
