package io.musicstream.infra.common;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of what the service keeps outside the event store (sessions, cached answers, problem bodies) and reads
 * from Kafka. Jackson 3; Jackson 2 only where Axon's serializer or the Elasticsearch client needs it.
 */
public final class Json {

    /** Lenient as the stored formats expect: unknown fields ignored, instants kept in their own offset. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private Json() {
    }
}
