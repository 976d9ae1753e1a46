package io.musicstream.devservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Elasticsearch from the integ-test-zip (no bundled JDK: runs on our JVM's java.home). It gets its own config
 * directory (it writes its keystore there), temp directory, data and logs under the service directory. The CLI is
 * started with {@code -d -p <pidfile>}: it exits once the server it launched is up, and the server's pid is read from
 * that file.
 */
final class ElasticsearchDevServer extends DevServer {

    private static final String CLUSTER_NAME = "music-streaming";

    private final int port;
    private final int transportPort;
    private final Path config;
    private final Path data;
    private final Path logs;
    private final Path tmp;
    private final Path consoleLog;
    private final Path serverPidFile;
    private final String marker;
    private Path home;

    ElasticsearchDevServer(DevServicesContext ctx) {
        super(ctx, Service.ELASTICSEARCH);
        this.port = ctx.settings.elasticsearchPort();
        this.transportPort = ctx.settings.elasticsearchTransportPort();
        this.config = dir.resolve("config");
        this.data = dir.resolve("data");
        this.logs = dir.resolve("logs");
        this.tmp = dir.resolve("tmp");
        this.consoleLog = dir.resolve("console.log");
        this.serverPidFile = logs.resolve("server.pid");
        this.marker = "-Dmusicstream.devservice=" + dir;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    void start(long deadlineNanos) {
        home = ensureBinaries();
        prepareDir();
        // ours while we write the config, so nothing in it can be swapped for a link; then nobody gets the subtrees
        ctx.host.reclaim(dir);
        ctx.host.reclaimTree(config);
        for (Path d : List.of(config, data, logs, tmp)) {
            ctx.host.createDirectories(d);
        }
        writeConfig();
        for (Path d : List.of(config, data, logs, tmp)) {
            ensureNobodyOwns(d);
        }
        requireFree(Map.of(port, "Elasticsearch HTTP", transportPort, "Elasticsearch transport"));

        Processes.rotate(consoleLog);
        Map<String, String> env = new HashMap<>();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", config.toString());
        env.put("ES_TMPDIR", tmp.toString());
        env.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        env.put("HOME", tmp.toString());
        List<String> cli = List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", serverPidFile.toString());
        Process process = Processes.launch(command(cli), env, dir, consoleLog);
        Processes.writePid(pidFile(), process.pid());

        Path serverLog = logs.resolve(CLUSTER_NAME + ".log");
        try {
            if (!process.waitFor(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS)) {
                throw new DevServicesException("Elasticsearch did not start in time"
                        + Processes.tailMessage(consoleLog, serverLog));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServicesException("Interrupted while starting Elasticsearch", e);
        }
        if (process.exitValue() != 0) {
            throw new DevServicesException("Elasticsearch failed to start (exit code " + process.exitValue() + ")"
                    + Processes.tailMessage(consoleLog, serverLog));
        }
        OptionalLong serverPid = Processes.readPid(serverPidFile);
        serverPid.ifPresent(pid -> Processes.writePid(pidFile(), pid));
        ProcessHandle server = serverPid.stream().boxed().map(ProcessHandle::of)
                .flatMap(java.util.Optional::stream).findFirst().orElse(null);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        awaitReady(deadlineNanos, null, () -> {
            if (server != null && !server.isAlive()) {
                throw new DevServicesException("Elasticsearch server process " + server.pid() + " ended"
                        + Processes.tailMessage(consoleLog, serverLog));
            }
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }, consoleLog, serverLog);
    }

    private Path ensureBinaries() {
        Path zip = ctx.artifacts.elasticsearchZip();
        String version = ctx.artifacts.version("elasticsearch.version");
        String name = version != null ? "elasticsearch-" + version : Dist.topFolder(zip);
        return Dist.ensure(ctx.host, ctx.distDir(service), name, zip.toString(),
                target -> Dist.extractZipStrippingTopFolder(zip, target));
    }

    /** Copies the distribution's config files that are missing (keeps the keystore) and writes elasticsearch.yml. */
    private void writeConfig() {
        Path distConfig = home.resolve("config");
        try (Stream<Path> files = Files.walk(distConfig)) {
            for (Path source : files.toList()) {
                Path target = config.resolve(distConfig.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target) || source.getFileName().toString().equals("jvm.options")
                        || source.getFileName().toString().equals("log4j2.properties")) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new DevServicesException("Could not copy the Elasticsearch config to " + config, e);
        }
        write(config.resolve("elasticsearch.yml"), String.join("\n",
                "# Written by the dev services launcher on every start; edits are lost.",
                "cluster.name: " + CLUSTER_NAME,
                "node.name: dev",
                "path.data: " + yamlString(data.toString()),
                "path.logs: " + yamlString(logs.toString()),
                "network.host: 127.0.0.1",
                "http.port: " + port,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "xpack.ml.enabled: false", // accepted by 8.19's x-pack-core even though this zip has no ML module
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                // one query at a time per search thread: on a few cores shared with the application, splitting a
                // query over segments in parallel adds CPU per request and no throughput
                "search.query_phase_parallel_collection_enabled: false",
                "") + "\n");
        // no gc.log (the distribution's jvm.options writes one), JVM warnings only
        write(config.resolve("jvm.options.d/devservices.options"), String.join("\n",
                marker, // how a server left behind by a crashed run is recognised
                "-Xlog:disable",
                "-Xlog:all=warning:stderr:utctime,level,tags",
                "-XX:-HeapDumpOnOutOfMemoryError",
                "") + "\n");
    }

    private static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    void stop() {
        // twice: a CLI stopped half-way may just have launched its server
        for (int round = 0; round < 2; round++) {
            List<ProcessHandle> running = ourProcesses();
            if (running.isEmpty()) {
                return;
            }
            Processes.terminate(running, stopGrace(Duration.ofSeconds(30)), "Elasticsearch");
            Processes.sleep(200);
        }
    }

    @Override
    protected List<Path> pidFiles() {
        return List.of(pidFile(), serverPidFile);
    }

    /** The server (marker in its JVM options) or the CLI that launches it (our config directory). */
    @Override
    protected boolean isOurs(List<String> cmd) {
        return cmd.contains(marker) || cmd.contains("-Des.path.conf=" + config);
    }
}
