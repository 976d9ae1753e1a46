package io.musicstream.events.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicstream.events.playback.StreamRulesAdopted;
import io.musicstream.events.playback.TrackPlayed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link TrackPlayed} revision 1 to 2. Old plays carry no end reason, context or offline flag (null, null,
 * false), no release or artists (null, none: readers look the track up), were played in the territory they
 * named (null when they named none), and were counted by the rules of {@link StreamRulesAdopted#VERSION_1} on their length alone: the
 * repeat window needs the user's earlier plays, which a single-event upcaster cannot see.
 */
public final class TrackPlayedUpcaster1To2 extends SingleEventUpcaster {

    private static final SimpleSerializedType FROM = new SimpleSerializedType(TrackPlayed.class.getName(), "1");
    private static final SimpleSerializedType TO = new SimpleSerializedType(TrackPlayed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FROM);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TO, JsonNode.class, TrackPlayedUpcaster1To2::upcast);
    }

    public static JsonNode upcast(JsonNode revision1) {
        ObjectNode play = ((ObjectNode) revision1).deepCopy();
        StreamRulesAdopted rules = StreamRulesAdopted.VERSION_1;
        play.set("playedIn", play.get("territory"));
        play.putNull("releaseId");
        play.putArray("artistIds");
        play.putNull("endReason");
        play.putNull("context");
        play.put("offline", false);
        play.put("counted", play.path("msPlayed").asLong() >= rules.minMsPlayed());
        play.put("ruleVersion", rules.version());
        return play;
    }
}
