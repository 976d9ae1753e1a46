package io.musicstream.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** Real failures of a PostgreSQL that is away (a closed port) are 503 with Retry-After, not 500. */
class BackendUnavailableTest {

    private String url;
    private final ProblemHandler handler = new ProblemHandler(new Problems());

    @BeforeEach
    void postgresThatIsAway() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            url = "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/music?connectTimeout=2";
        }
    }

    @Test
    void aReadWhilePostgresIsAwayIs503() {
        Throwable failure = catchThrowable(() -> JdbcClient.create(new DriverManagerDataSource(url, "u", "p"))
                .sql("select 1").query(Integer.class).single());

        assertUnavailable(failure);
    }

    @Test
    void aCommandWhosePoolTimesOutIs503EvenWrappedByAxon() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername("u");
            pool.setPassword("p");
            pool.setConnectionTimeout(250);
            pool.setInitializationFailTimeout(-1);
            Throwable failure = catchThrowable(() -> new DataSourceTransactionManager(pool)
                    .getTransaction(new DefaultTransactionDefinition()));

            assertUnavailable(failure);
            assertUnavailable(new CommandExecutionException("command failed", failure));
        }
    }

    @Test
    void aBugIsStillA500() {
        ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException("bug",
                new IllegalArgumentException("deeper")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(BackendUnavailable.isCause(new RuntimeException("no cause"))).isFalse();
    }

    private void assertUnavailable(Throwable failure) {
        assertThat(failure).isNotNull();
        assertThat(BackendUnavailable.isCause(failure)).as(failure.toString()).isTrue();
        ResponseEntity<Object> answer = handler.unexpected((Exception) failure);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(BackendUnavailable.RETRY_AFTER_SECONDS);
    }
}
