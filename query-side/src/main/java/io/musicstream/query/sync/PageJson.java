package io.musicstream.query.sync;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link SyncFeed.Page} exactly as Jackson writes the records (same names, order and nulls), field by
 * field: the generic record serializer, a reflective accessor call per field of each of 500 changes, was a
 * third of a full page's JSON cost. {@code PageJsonTest} holds the two outputs equal.
 */
final class PageJson extends ValueSerializer<SyncFeed.Page> {

    private static final SerializableString RESET = new SerializedString("reset");
    private static final SerializableString CHANGES = new SerializedString("changes");
    private static final SerializableString SYNC_TOKEN = new SerializedString("syncToken");
    private static final SerializableString HAS_MORE = new SerializedString("hasMore");
    private static final SerializableString SNAPSHOT_AFTER = new SerializedString("snapshotAfter");
    private static final SerializableString TOKEN = new SerializedString("token");
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString ITEM_TYPE = new SerializedString("itemType");
    private static final SerializableString ITEM_ID = new SerializedString("itemId");
    private static final SerializableString AT = new SerializedString("at");
    private static final SerializableString CLIENT_CHANGE_ID = new SerializedString("clientChangeId");

    @Override
    public void serialize(SyncFeed.Page page, JsonGenerator gen, SerializationContext context) {
        // instants as the application writes them everywhere else
        ValueSerializer<Object> instants = context.findValueSerializer(Instant.class);
        gen.writeStartObject();
        gen.writeName(RESET);
        gen.writeBoolean(page.reset());
        gen.writeName(CHANGES);
        gen.writeStartArray();
        for (SyncFeed.Change change : page.changes()) {
            gen.writeStartObject();
            gen.writeName(TOKEN);
            gen.writeNumber(change.token());
            gen.writeName(KIND);
            gen.writeString(change.kind());
            gen.writeName(ITEM_TYPE);
            gen.writeString(change.itemType());
            gen.writeName(ITEM_ID);
            gen.writeString(change.itemId());
            gen.writeName(AT);
            instants.serialize(change.at(), gen, context);
            gen.writeName(CLIENT_CHANGE_ID);
            gen.writeString(change.clientChangeId());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeName(SYNC_TOKEN);
        gen.writeNumber(page.syncToken());
        gen.writeName(HAS_MORE);
        gen.writeBoolean(page.hasMore());
        gen.writeName(SNAPSHOT_AFTER);
        if (page.snapshotAfter() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(page.snapshotAfter());
        }
        gen.writeEndObject();
    }
}
