package io.musicstream.query.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

class PageJsonTest {

    private final JsonMapper handWritten = JsonMapper.builder().build();
    private final JsonMapper generic = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

    @Test
    void writesWhatJacksonWritesForTheRecords() {
        Random random = new Random(7);
        String[] ids = {"7d1e-track", "album \"quoted\" \\ back", "åäö-ünïcödé-🎵", "tab\there", ""};
        for (int n = 0; n < 200; n++) {
            List<SyncFeed.Change> changes = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                changes.add(new SyncFeed.Change(random.nextLong(1, Long.MAX_VALUE),
                        random.nextBoolean() ? "added" : "removed", random.nextBoolean() ? "track" : "album",
                        ids[random.nextInt(ids.length)],
                        Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(3) * 123_456_000L),
                        random.nextBoolean() ? null : ids[random.nextInt(ids.length)]));
            }
            SyncFeed.Page page = new SyncFeed.Page(random.nextBoolean(), changes, random.nextLong(0, Long.MAX_VALUE),
                    random.nextBoolean(), random.nextBoolean() ? null : random.nextLong(0, Long.MAX_VALUE));
            assertThat(handWritten.writeValueAsString(page)).isEqualTo(generic.writeValueAsString(page));
        }
    }

    @Test
    void theHandWrittenSerializerIsTheOneInUse() {
        SyncFeed.Page page = new SyncFeed.Page(false, List.of(), 5, false, null);
        assertThat(SyncFeed.Page.class.getAnnotation(JsonSerialize.class).using()).isEqualTo(PageJson.class);
        assertThat(handWritten.writeValueAsString(page))
                .isEqualTo("{\"reset\":false,\"changes\":[],\"syncToken\":5,\"hasMore\":false,\"snapshotAfter\":null}");
    }
}
