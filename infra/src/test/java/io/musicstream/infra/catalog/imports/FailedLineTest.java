package io.musicstream.infra.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

class FailedLineTest {

    @Test
    void aFailedLineGetsTheStatusTheSameRequestWouldGetOverHttp() {
        assertThat(FailedLine.of(wrapped(new InvalidInputException(List.of("upc: bad")))))
                .isEqualTo(new FailedLine(400, List.of("upc: bad")));
        assertThat(FailedLine.of(wrapped(new InvalidCommandException(List.of("shares", "isrc")))))
                .isEqualTo(new FailedLine(422, List.of("shares", "isrc")));
        assertThat(FailedLine.of(wrapped(new ConflictException("taken"))))
                .isEqualTo(new FailedLine(409, List.of("taken")));
        assertThat(FailedLine.of(new UnknownItemException("no such release")))
                .isEqualTo(new FailedLine(404, List.of("no such release")));
    }

    @Test
    void aBackingServerThatDidNotAnswerIs503AndAnythingElseIs500() {
        for (RuntimeException away : List.of(new DataAccessResourceFailureException("down"),
                new QueryTimeoutException("slow"), wrapped(new SQLTransientConnectionException("gone")))) {
            assertThat(FailedLine.of(away)).isEqualTo(new FailedLine(503,
                    List.of("a backing server did not answer; import this line again")));
        }
        assertThat(FailedLine.of(new IllegalStateException("a bug"))).isEqualTo(new FailedLine(500,
                List.of("something went wrong on our side; quote the requestId when reporting it")));
    }

    private static RuntimeException wrapped(Exception cause) {
        return new RuntimeException("command failed", new RuntimeException(cause));
    }
}
