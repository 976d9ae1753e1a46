package io.musicstream.projections.processors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracking tokens event processors stored ({@code token_entry}, one row per segment), decoded with the
 * serializer Axon wrote them with and unwrapped to their lower bound: what every segment has passed.
 */
@Component
public class ProcessorTokens {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public ProcessorTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Each segment's token of {@code processor}, none before the processor first claimed its segments; a
     * segment that has handled nothing yet has a null token.
     */
    public List<TrackingToken> of(String processor) {
        return of(List.of(processor)).getOrDefault(processor, List.of());
    }

    /** As {@link #of(String)}, for each of {@code processors} that has claimed segments. */
    public Map<String, List<TrackingToken>> of(Collection<String> processors) {
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        jdbc.sql("select processor_name, token_type, token from token_entry where processor_name in (:names)")
                .param("names", processors)
                .query(rs -> {
                    byte[] bytes = rs.getBytes(3);
                    TrackingToken token = bytes == null ? null : WrappedToken.unwrapLowerBound(serializer.deserialize(
                            new SimpleSerializedObject<>(bytes, byte[].class, rs.getString(2), null)));
                    tokens.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(token);
                });
        return tokens;
    }

    /** The global index a token has passed; -1 for none (a null token, or one that does not say). */
    public static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
