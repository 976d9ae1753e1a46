package io.musicstream.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.common.InvalidInputException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class KafkaConfigTest {

    @Test
    void serversAwayAreTransient() {
        assertThat(KafkaConfig.transientFailure(new DataAccessResourceFailureException("down"))).isTrue();
        assertThat(KafkaConfig.transientFailure(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(KafkaConfig.transientFailure(new RuntimeException(new SQLException("serialization", "40001"))))
                .isTrue();
        assertThat(KafkaConfig.transientFailure(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void badDataAndBugsAreNotTransient() {
        assertThat(KafkaConfig.transientFailure(new RuntimeException(new SQLException("bad", "22021")))).isFalse();
        assertThat(KafkaConfig.transientFailure(new InvalidInputException(List.of("playId: too long")))).isFalse();
        assertThat(KafkaConfig.transientFailure(new NullPointerException())).isFalse();
    }

    @Test
    void theReasonIsTheDecidingFailuresMessage() {
        Exception wrapped = new ListenerExecutionFailedException("listener failed",
                new InvalidInputException(List.of("playId: must be at most 100 characters, got 300")));
        assertThat(KafkaConfig.reason(wrapped)).isEqualTo("playId: must be at most 100 characters, got 300");
        assertThat(KafkaConfig.reason(new RuntimeException("x".repeat(5_000)))).hasSize(1_003);
    }
}
