package io.musicstream.projections.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.projections.catalog.artists.RegisteredArtists;
import io.musicstream.projections.common.Storable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the catalog search index from the event store without downtime: replays the catalog events into a
 * new index while the current one keeps serving, catches up, pauses the live projection for the last few
 * events, swaps the alias in one step and resumes the projection (which re-applies from its own token;
 * documents converge because events are applied in order). One rebuild at a time per node.
 */
@Component
public class CatalogIndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexRebuild.class);
    private static final int BULK_DOCUMENTS = 5_000;

    public enum State { REPLAYING, CATCHING_UP, SWAPPING, DONE, FAILED }

    public record Progress(State state, String newIndex, String previousIndex, long headAtStart, long position,
                           long eventsRead, long catalogEvents, long tracksIndexed, long documentsWritten,
                           Instant startedAt, Instant finishedAt, double seconds, double tracksPerSecond,
                           String error) {
    }

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ElasticsearchClient client;
    private final CatalogIndex index;
    private final RegisteredArtists artists;
    private final JdbcClient jdbc;
    private final SearchPopularity popularity;
    private final AtomicReference<Progress> current = new AtomicReference<>();

    CatalogIndexRebuild(EventStore eventStore, EventProcessingConfiguration processing, ElasticsearchClient client,
                        CatalogIndex index, RegisteredArtists artists, JdbcClient jdbc, SearchPopularity popularity) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.client = client;
        this.index = index;
        this.artists = artists;
        this.jdbc = jdbc;
        this.popularity = popularity;
    }

    /** An index made with an older mapping is rebuilt at start-up, in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildOutdatedIndex() {
        index.current().ifPresent(name -> {
            int version = index.mappingVersion(name);
            if (version < CatalogIndex.MAPPING_VERSION) {
                log.info("catalog index {} has mapping version {}, current is {}: rebuilding it", name, version,
                        CatalogIndex.MAPPING_VERSION);
                start();
            }
        });
    }

    public Progress progress() {
        return current.get();
    }

    /** Starts a rebuild in the background; throws IllegalStateException if one is running. */
    public synchronized Progress start() {
        Progress running = current.get();
        if (running != null && running.finishedAt() == null) {
            throw new IllegalStateException("a rebuild of " + running.newIndex() + " is already running");
        }
        index.ensureExists();
        Run run = new Run(index.createIndex(), index.current().orElse(null), head());
        current.set(run.progress(State.REPLAYING, null));
        Thread thread = new Thread(run, "catalog-index-rebuild");
        thread.setDaemon(true);
        thread.start();
        return current.get();
    }

    private long head() {
        Long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        return head == null ? -1 : head;
    }

    private final class Run implements Runnable {
        private final String newIndex;
        private final String previousIndex;
        private final long headAtStart;
        private final Instant startedAt = Instant.now();
        private final Map<String, String> artistNames = new HashMap<>();
        private final ExecutorService bulkSender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "catalog-index-rebuild-bulk");
            thread.setDaemon(true);
            return thread;
        });
        private final IndexWriter writer;
        private final SearchDocuments documents;
        private long position = -1;
        private long eventsRead;
        private long catalogEvents;
        private long tracks;

        Run(String newIndex, String previousIndex, long headAtStart) {
            this.newIndex = newIndex;
            this.previousIndex = previousIndex;
            this.headAtStart = headAtStart;
            this.writer = new IndexWriter(client, newIndex, BULK_DOCUMENTS, bulkSender, popularity);
            this.documents = new SearchDocuments(this::names);
        }

        private Map<String, String> names(Collection<String> ids) {
            if (!artistNames.keySet().containsAll(ids)) {
                artistNames.putAll(artists.names(ids));
            }
            return artistNames;
        }

        @Override
        public void run() {
            StreamingEventProcessor live = processing
                    .eventProcessor(CatalogSearchProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElse(null);
            boolean paused = false;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                index.beginBulkLoad(newIndex);
                replayUpTo(stream, headAtStart);
                current.set(progress(State.CATCHING_UP, null));
                replayUpTo(stream, head());
                if (live != null) {
                    live.shutdownAsync().get(60, TimeUnit.SECONDS);
                    paused = true;
                }
                replayUpTo(stream, head());
                writer.flush();
                index.endBulkLoad(newIndex);
                current.set(progress(State.SWAPPING, null));
                index.swapTo(newIndex);
                // popularity computed after its documents were written went to the old index
                popularity.resendComputedSince(startedAt);
                current.set(progress(State.DONE, null));
                log.info("catalog index rebuilt into {}: {} tracks in {} s", newIndex, tracks, seconds());
            } catch (Exception e) {
                log.error("catalog index rebuild into {} failed", newIndex, e);
                current.set(progress(State.FAILED, e.toString()));
                if (!newIndex.equals(index.current().orElse(null))) {
                    index.delete(newIndex);
                }
            } finally {
                bulkSender.shutdown();
                if (paused) {
                    live.start();
                }
            }
        }

        /** Applies events in order until {@code target} is reached, or until none arrives for a while (a gap). */
        private void replayUpTo(BlockingStream<TrackedEventMessage<?>> stream, long target) throws InterruptedException {
            while (position < target && stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = Math.max(position, event.trackingToken().position().orElse(position));
                eventsRead++;
                if (SearchDocuments.EVENTS.contains(event.getPayloadType())) {
                    Object payload = event.getPayload();
                    try {
                        CatalogSearchProjection.requireStorable(payload);
                    } catch (Storable.UnstorableEventException unstorable) {
                        // the live projection dead-letters such an event; one event must not fail a whole rebuild
                        log.warn("catalog index rebuild skips event {} at {}: {}", event.getIdentifier(), position,
                                unstorable.getMessage());
                        continue;
                    }
                    if (payload instanceof ArtistRegistered artist) {
                        artistNames.put(artist.artistId(), artist.name());
                    } else if (payload instanceof ReleaseIngested release) {
                        tracks += release.tracks().size();
                    } else if (payload instanceof TrackAddedToRelease) {
                        tracks++;
                    }
                    documents.apply(payload, writer);
                    catalogEvents++;
                }
                if (eventsRead % 10_000 == 0) {
                    current.set(progress(current.get().state(), null));
                }
            }
        }

        private double seconds() {
            return Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
        }

        Progress progress(State state, String error) {
            double seconds = seconds();
            boolean finished = state == State.DONE || state == State.FAILED;
            return new Progress(state, newIndex, previousIndex, headAtStart, position, eventsRead, catalogEvents,
                    tracks, writer.written(), startedAt, finished ? Instant.now() : null, seconds,
                    seconds > 0 ? tracks / seconds : 0, error);
        }
    }
}
