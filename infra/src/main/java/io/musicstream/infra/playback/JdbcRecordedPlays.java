package io.musicstream.infra.playback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.command.playback.RecordedPlays;
import io.musicstream.command.playback.StreamCounting;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.events.serialization.TrackPlayedUpcaster1To2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recorded plays found by the event store's unique (aggregate, sequence) index, one statement per batch. */
@Component
class JdbcRecordedPlays implements RecordedPlays {

    private final JdbcClient jdbc;
    private final ObjectMapper eventJson = EventJson.objectMapper();

    JdbcRecordedPlays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, StreamCounting.Decision> decisions(Collection<String> playIds) {
        Map<String, StreamCounting.Decision> found = new HashMap<>();
        jdbc.sql("""
                        select aggregate_identifier, payload_revision, payload from domain_event_entry
                        where aggregate_identifier = any(?) and sequence_number = 0""")
                .param(playIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    found.put(rs.getString(1), decision(rs.getString(2), rs.getBytes(3)));
                });
        return found;
    }

    private StreamCounting.Decision decision(String revision, byte[] payload) {
        try {
            JsonNode played = eventJson.readTree(payload);
            if ("1".equals(revision)) {
                played = TrackPlayedUpcaster1To2.upcast(played);
            }
            return new StreamCounting.Decision(played.path("counted").asBoolean(), played.path("ruleVersion").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored play", e);
        }
    }
}
