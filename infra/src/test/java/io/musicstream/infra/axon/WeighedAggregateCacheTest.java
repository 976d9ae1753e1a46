package io.musicstream.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class WeighedAggregateCacheTest {

    @Test
    void keepsWhatFitsAndTellsListeners() {
        WeighedAggregateCache cache = new WeighedAggregateCache(100, root -> 1);
        List<String> seen = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });

        cache.put("a", "one");
        cache.put("a", "two");
        assertThat(cache.putIfAbsent("a", "three")).isFalse();
        assertThat(cache.<String, String>get("a")).isEqualTo("two");
        assertThat(cache.<String>computeIfAbsent("b", () -> "bee")).isEqualTo("bee");
        cache.<String>computeIfPresent("b", v -> v + "s");
        assertThat(cache.<String, String>get("b")).isEqualTo("bees");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.containsKey("a")).isFalse();

        assertThat(seen).containsExactly("created a", "updated a", "created b", "updated b", "removed a");
    }

    @Test
    void evictsOnceTheWeightIsExceeded() {
        WeighedAggregateCache cache = new WeighedAggregateCache(1_000, root -> 1);
        for (int i = 0; i < 5_000; i++) {
            cache.put("key-" + i, "value");
        }
        long held = 0;
        for (int i = 0; i < 5_000; i++) {
            held += cache.containsKey("key-" + i) ? 1 : 0;
        }
        assertThat(held).isBetween(900L, 1_000L);
    }
}
