package io.musicstream.devservices;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.sun.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL from the zonky binaries jar; trust auth on 127.0.0.1, database {@code music}. */
final class PostgresDevServer extends DevServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresDevServer.class);
    static final String DATABASE = "music";
    static final String USER = "postgres";
    private static final String TXZ = "postgres-linux-x86_64.txz";

    private final int port;
    private final Path data;
    private final Path logFile;
    private Path home;

    PostgresDevServer(DevServicesContext ctx) {
        super(ctx, Service.POSTGRES);
        this.port = ctx.settings.postgresPort();
        this.data = dir.resolve("data");
        this.logFile = dir.resolve("postgres.log");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    void start(long deadlineNanos) {
        home = ensureBinaries();
        prepareDir();
        // ours, so that the logs and pid file we write here cannot be swapped for links; nobody gets data/ and run/
        ctx.host.reclaim(dir);
        Path socketDir = socketDir();
        ctx.host.createDirectories(socketDir);
        ensureNobodyOwns(socketDir);
        if (Files.exists(data)) {
            ensureNobodyOwns(data);
        }
        requireFree(Map.of(port, "PostgreSQL"));

        initdbIfNeeded(deadlineNanos);

        Processes.rotate(logFile);
        List<String> cmd = list(home.resolve("bin/postgres").toString(), "-D", data.toString(), "-p",
                Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c",
                "unix_socket_directories=" + socketDir, "-c", "max_connections=200");
        cmd.addAll(memorySettings(physicalMemoryBytes()));
        cmd.addAll(List.of("-c", "shared_preload_libraries=pg_stat_statements"));
        if (ctx.settings.fresh()) {
            cmd.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        Process process = Processes.launch(command(cmd), Map.of(), dir, logFile);
        Processes.writePid(pidFile(), process.pid());

        awaitReady(deadlineNanos, process, () -> {
            try (Connection c = connect("postgres")) {
                return c.isValid(2);
            }
        }, logFile);
        createDatabaseIfMissing();
        createExtensions();
    }

    /**
     * A quarter of the machine's memory for shared buffers (128 MB to 8 GB) and half of it as the planner's
     * cache estimate, instead of PostgreSQL's 128 MB default. Beyond the buffers, pages live in the kernel's
     * cache, which on virtual machines that hand cold page cache back to the host (DAMON pageout) turns
     * into disk reads; shared buffers are mapped memory and stay. PostgreSQL only touches what it uses.
     */
    static List<String> memorySettings(long physicalBytes) {
        long mb = physicalBytes / (1024 * 1024);
        long sharedBuffers = Math.max(128, Math.min(8192, mb / 4));
        long effectiveCache = Math.max(mb / 2, sharedBuffers);
        return List.of("-c", "shared_buffers=" + sharedBuffers + "MB", "-c", "effective_cache_size=" + effectiveCache
                + "MB");
    }

    static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 512L * 1024 * 1024;
    }

    private Path ensureBinaries() {
        Path jar = ctx.artifacts.postgresBinaries();
        String version = ctx.artifacts.version("postgres.version");
        String name = "postgres-" + (version != null ? version : Dist.entryCrc(jar, TXZ));
        return Dist.ensure(ctx.host, ctx.distDir(service), name, jar.toString(),
                target -> Dist.extractTxzFromJar(jar, TXZ, target));
    }

    /** Our own directory when the socket path stays short enough, otherwise one under /tmp. */
    private Path socketDir() {
        Path own = dir.resolve("run");
        if (own.resolve(".s.PGSQL." + port).toString().length() < 100) {
            return own;
        }
        return Path.of("/tmp", "music-streaming-pg-" + Host.shortHash(dir.toString()));
    }

    private void initdbIfNeeded(long deadlineNanos) {
        Path versionFile = data.resolve("PG_VERSION");
        if (Files.isRegularFile(versionFile)) {
            checkMajorVersion(versionFile);
            return;
        }
        Processes.deleteTree(data); // a half-finished initdb
        try {
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new DevServicesException("Could not create " + data, e);
        }
        ensureNobodyOwns(data);
        Path initdbLog = dir.resolve("initdb.log");
        List<String> cmd = list(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C");
        if (ctx.settings.fresh()) {
            cmd.add("--no-sync");
        }
        Processes.rotate(initdbLog);
        Processes.run("PostgreSQL initdb", command(cmd), Map.of(), dir, initdbLog, remaining(deadlineNanos));
    }

    private void checkMajorVersion(Path versionFile) {
        try {
            String dataMajor = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
            String version = ctx.artifacts.version("postgres.version");
            if (version != null && !version.startsWith(dataMajor + ".")) {
                throw new DevServicesException("PostgreSQL data in " + data + " was created by PostgreSQL "
                        + dataMajor + " but the binaries are " + version + ". Delete " + dir
                        + " (its data is lost) or start with fresh=true.");
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not read " + versionFile, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "10");
        props.setProperty("ApplicationName", "devservices");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    private void createDatabaseIfMissing() {
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + DATABASE);
            }
            log.debug("Created database {}", DATABASE);
        } catch (SQLException e) {
            throw new DevServicesException("Could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** {@code pg_stat_statements}: what each query costs, for whoever tunes the projections. */
    private void createExtensions() {
        try (Connection c = connect(DATABASE); Statement create = c.createStatement()) {
            create.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            throw new DevServicesException("Could not create extension pg_stat_statements: " + e.getMessage(), e);
        }
    }

    @Override
    void stop() {
        List<ProcessHandle> running = ourProcesses();
        if (running.isEmpty()) {
            return;
        }
        Path pgCtl = home != null ? home.resolve("bin/pg_ctl") : pgCtlFromCommandLine(running.get(0));
        boolean asked = false;
        if (pgCtl != null && Files.isExecutable(pgCtl) && Files.isDirectory(data)) {
            try {
                Processes.run("pg_ctl stop", command(list(pgCtl.toString(), "stop", "-D", data.toString(), "-m",
                        "fast", "-w", "-t", "60")), Map.of(), dir, dir.resolve("pg_ctl.log"), Duration.ofSeconds(70));
                asked = true;
            } catch (DevServicesException e) {
                log.warn("PostgreSQL: pg_ctl stop failed, signalling the postmaster instead: {}", e.getMessage());
            }
        }
        if (!asked) {
            running.forEach(h -> Processes.signal(h.pid(), "INT")); // SIGINT = fast shutdown
        }
        if (!Processes.awaitExit(running, Duration.ofSeconds(30))) {
            Processes.terminate(running, Duration.ofSeconds(1), "PostgreSQL");
        }
    }

    private static Path pgCtlFromCommandLine(ProcessHandle h) {
        List<String> cmd = Processes.commandLine(h.pid());
        if (cmd.isEmpty()) {
            return null;
        }
        Path postgres = Path.of(cmd.get(0));
        return postgres.getParent() == null ? null : postgres.resolveSibling("pg_ctl");
    }

    @Override
    protected List<Path> pidFiles() {
        return List.of(pidFile(), data.resolve("postmaster.pid"));
    }

    @Override
    protected boolean isOurs(List<String> cmd) {
        if (cmd.isEmpty() || !cmd.get(0).endsWith("postgres")) {
            return false;
        }
        int d = cmd.indexOf("-D");
        return d >= 0 && d + 1 < cmd.size() && Path.of(cmd.get(d + 1)).normalize().equals(data);
    }
}
