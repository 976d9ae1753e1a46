package io.musicstream.infra.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * An aggregate cache bounded by the total weight of what it holds (say, library items), least recently used
 * out first. Axon's {@code WeakReferenceCache} loses every entry at each young collection, which under load
 * means every few hundred milliseconds, so a busy aggregate was read back from its snapshot on most commands.
 */
public class WeighedAggregateCache implements Cache {

    private static final VarHandle AGGREGATE_ROOT;

    static {
        try {
            AGGREGATE_ROOT = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "aggregateRoot", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param maximumWeight the most weight held at once
     * @param rootWeight    the weight of an aggregate root (at least 1)
     */
    public WeighedAggregateCache(long maximumWeight, ToIntFunction<Object> rootWeight) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maximumWeight)
                .executor(Runnable::run)
                .weigher((Object key, Object value) -> Math.max(1, value instanceof AggregateCacheEntry<?> entry
                        ? rootWeight.applyAsInt(AGGREGATE_ROOT.get(entry)) : 1))
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted() && key != null) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent = entries.putIfAbsent(key, value) == null;
        if (absent) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> {
            T value = valueSupplier.get();
            if (value == null) {
                throw new IllegalArgumentException("the value supplier for " + key + " produced null");
            }
            listeners.forEach(l -> l.onEntryCreated(k, value));
            return value;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> {
            V value = update.apply((V) v);
            listeners.forEach(l -> {
                if (value == null) {
                    l.onEntryRemoved(k);
                } else {
                    l.onEntryUpdated(k, value);
                }
            });
            return value;
        });
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
