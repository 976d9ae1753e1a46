package io.musicstream.query.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.library.SyncFeed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

class PageJsonTest {

    /** What a page is, as plain records: Jackson's generic output of these is the reference. */
    record ReferenceChange(long token, String kind, String itemType, String itemId, Instant at,
                           String clientChangeId) {
    }

    record ReferencePage(boolean reset, List<ReferenceChange> changes, long syncToken, boolean hasMore,
                         Long snapshotAfter) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    /** Quotes, backslashes, control characters, 2- to 4-byte UTF-8, the empty string and one longer than a buffer. */
    private static final String[] TEXTS = {"7d1e-track", "album \"quoted\" \\ back", "åäö-ünïcödé-🎵", "tab\there",
            "new\nline\u0001\u001f\u007f", "", "x".repeat(20_000) + "é"};

    @Test
    void writesWhatJacksonWritesForPlainRecords() {
        Random random = new Random(7);
        for (int n = 0; n < 300; n++) {
            List<SyncFeed.Change> changes = new ArrayList<>();
            List<ReferenceChange> expected = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                long token = random.nextLong(1, Long.MAX_VALUE);
                String kind = random.nextBoolean() ? "added" : "removed";
                String itemType = TEXTS[random.nextInt(TEXTS.length)];
                String itemId = TEXTS[random.nextInt(TEXTS.length)];
                Instant at = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), switch (n % 4) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1_000) * 1_000_000;
                    default -> random.nextInt(1_000_000) * 1_000;
                });
                String clientChangeId = random.nextBoolean() ? null : TEXTS[random.nextInt(TEXTS.length)];
                changes.add(new SyncFeed.Change(token, utf8(kind), utf8(itemType), utf8(itemId),
                        at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000, utf8(clientChangeId)));
                expected.add(new ReferenceChange(token, kind, itemType, itemId, at, clientChangeId));
            }
            boolean reset = random.nextBoolean();
            long syncToken = random.nextLong(0, Long.MAX_VALUE);
            boolean hasMore = random.nextBoolean();
            Long snapshotAfter = random.nextBoolean() ? null : random.nextLong(0, Long.MAX_VALUE);
            String reference = json.writeValueAsString(
                    new ReferencePage(reset, expected, syncToken, hasMore, snapshotAfter));

            SyncPage page = new SyncPage(new SyncFeed.Page(reset, changes, syncToken, hasMore, snapshotAfter));
            // bytes: the UTF-8 generator HTTP responses use; a string: a generator that writes chars
            assertThat(new String(json.writeValueAsBytes(page), StandardCharsets.UTF_8)).isEqualTo(reference);
            assertThat(json.writeValueAsString(page)).isEqualTo(reference);
        }
    }

    @Test
    void theHandWrittenSerializerIsTheOneInUse() {
        SyncPage page = new SyncPage(new SyncFeed.Page(false, List.of(), 5, false, null));
        assertThat(SyncPage.class.getAnnotation(JsonSerialize.class).using()).isEqualTo(PageJson.class);
        assertThat(json.writeValueAsString(page))
                .isEqualTo("{\"reset\":false,\"changes\":[],\"syncToken\":5,\"hasMore\":false,\"snapshotAfter\":null}");
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
