package io.musicstream.projections;

import io.musicstream.devservices.DevServices;
import io.musicstream.devservices.DevServicesSettings;
import io.musicstream.devservices.Service;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The real PostgreSQL and Elasticsearch that read-model tests run against, started once per test JVM from the
 * dev-services module (ports and directory from surefire's {@code music.dev-services.*} properties).
 *
 * <pre>
 * DataSource db = TestServers.freshDatabase();        // a new database with every migration applied
 * String es = TestServers.elasticsearchUrl();         // e.g. for an index name of the test's own
 * </pre>
 * Each {@link #freshDatabase()} is a database of its own, so tests never see each other's rows.
 */
public final class TestServers {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static DevServices servers;

    private TestServers() {
    }

    /** A new, empty database holding the schema the service's migrations make (event store and read models). */
    public static DataSource freshDatabase() {
        DevServices running = servers();
        String name = "readmodel_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(running.jdbcUrl(), running.jdbcUsername(),
                running.jdbcPassword()); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String url = running.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                running.jdbcUsername(), running.jdbcPassword());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "filesystem:" + System.getProperty("music.test.infra-migrations"))
                .load().migrate();
        return dataSource;
    }

    /** The test Elasticsearch, e.g. {@code http://127.0.0.1:29200}. */
    public static String elasticsearchUrl() {
        return servers().elasticsearchUrl();
    }

    private static synchronized DevServices servers() {
        if (servers == null) {
            servers = DevServices.start(new DevServicesSettings(
                    Path.of(System.getProperty("music.dev-services.dir", ".run/test-projections")).toAbsolutePath(),
                    Integer.getInteger("music.dev-services.postgres-port", 25432), 0,
                    Integer.getInteger("music.dev-services.elasticsearch-port", 29200), 0,
                    true, EnumSet.of(Service.POSTGRES, Service.ELASTICSEARCH)));
        }
        return servers;
    }
}
