package io.musicstream.query.sync;

import io.musicstream.projections.library.SyncFeed;
import io.musicstream.query.json.IsoInstantSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link SyncFeed.Page} field by field, exactly as Jackson writes records of the same fields with
 * strings and an {@link Instant} (names, order, escapes and nulls), without the generic record serializer's
 * reflective call per field of each change. The changes' text goes from the database's UTF-8 bytes to the
 * output without becoming strings, and their times are formatted into one buffer per page.
 * {@code PageJsonTest} holds the output equal to Jackson's.
 */
final class PageJson extends ValueSerializer<SyncPage> {

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
    public void serialize(SyncPage value, JsonGenerator gen, SerializationContext context) {
        SyncFeed.Page page = value.page();
        boolean utf8 = gen instanceof UTF8JsonGenerator;
        char[] time = new char[IsoInstantSerializer.MAX_LENGTH];
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
            writeText(gen, utf8, change.kind());
            gen.writeName(ITEM_TYPE);
            writeText(gen, utf8, change.itemType());
            gen.writeName(ITEM_ID);
            writeText(gen, utf8, change.itemId());
            gen.writeName(AT);
            IsoInstantSerializer.write(Math.floorDiv(change.atMicros(), 1_000_000L),
                    (int) Math.floorMod(change.atMicros(), 1_000_000L) * 1_000, time, gen);
            gen.writeName(CLIENT_CHANGE_ID);
            writeText(gen, utf8, change.clientChangeId());
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

    /** UTF-8 text as a JSON string, escaped as {@code writeString} would; a generator writing chars gets a string. */
    private static void writeText(JsonGenerator gen, boolean utf8, byte[] text) {
        if (text == null) {
            gen.writeNull();
        } else if (utf8) {
            gen.writeUTF8String(text, 0, text.length);
        } else {
            gen.writeString(new String(text, StandardCharsets.UTF_8));
        }
    }
}
