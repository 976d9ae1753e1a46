package io.musicstream.benchmarks;

import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.playback.EndReason;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The raw baseline: play events serialized as Axon would, inserted into the event table by batched JDBC. */
final class RawEventRows {

    static final int BATCH = 500;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    RawEventRows(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.serializer = context.getBean("eventSerializer", Serializer.class);
    }

    /** Inserts {@code count} serialized TrackPlayed rows in batches; answers rows per second. */
    double insertTrackPlayed(int count) {
        List<Object[]> rows = new ArrayList<>(count);
        Instant started = Instant.parse("2026-11-21T12:00:00Z");
        for (int i = 0; i < count; i++) {
            String playId = UUID.randomUUID().toString();
            TrackPlayed payload = new TrackPlayed(playId, "bench-user-" + (i % 1000), "bench-track-" + (i % 5000),
                    started, 180_000, "bench", "SE", "SE", "bench-release", List.of("bench-artist"), EndReason.TRACK_DONE,
                    new PlayContext(PlayContext.Type.ALBUM, "bench-release"), false, true, 1);
            String aggregateId = PlayIds.of(payload.userId(), playId);
            GenericDomainEventMessage<TrackPlayed> message = new GenericDomainEventMessage<>("Play", aggregateId, 0,
                    payload, MetaData.emptyInstance());
            SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
            SerializedObject<byte[]> meta = serializer.serialize(message.getMetaData(), byte[].class);
            rows.add(new Object[] {message.getIdentifier(), meta.getData(), data.getData(),
                    data.getType().getRevision(), data.getType().getName(), message.getTimestamp().toString(), aggregateId,
                    0L, "Play"});
        }
        long t0 = System.nanoTime();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.batchUpdate("""
                    insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                    Object[] row = batch.get(i);
                    for (int c = 0; c < row.length; c++) {
                        ps.setObject(c + 1, row[c]);
                    }
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }
}
