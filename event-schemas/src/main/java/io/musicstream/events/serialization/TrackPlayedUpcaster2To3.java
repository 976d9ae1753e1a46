package io.musicstream.events.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicstream.events.playback.TrackPlayed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link TrackPlayed} revision 2 to 3: plays recorded before plays carried the listener's plan have no
 * {@code tier} (null, unknown).
 */
public final class TrackPlayedUpcaster2To3 extends SingleEventUpcaster {

    private static final SimpleSerializedType FROM = new SimpleSerializedType(TrackPlayed.class.getName(), "2");
    private static final SimpleSerializedType TO = new SimpleSerializedType(TrackPlayed.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FROM);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TO, JsonNode.class, TrackPlayedUpcaster2To3::upcast);
    }

    public static JsonNode upcast(JsonNode revision2) {
        ObjectNode play = ((ObjectNode) revision2).deepCopy();
        play.putNull("tier");
        return play;
    }
}
