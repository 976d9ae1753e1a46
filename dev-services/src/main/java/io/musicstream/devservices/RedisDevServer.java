package io.musicstream.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * Redis from the binary bundled in {@code com.github.codemonstur:embedded-redis}, copied once into dist and run
 * directly (so we own its pid, config and log, and can stop a leftover of a crashed run).
 */
final class RedisDevServer extends DevServer {

    private final int port;
    private final Path conf;
    private final Path logFile;

    RedisDevServer(DevServicesContext ctx) {
        super(ctx, Service.REDIS);
        this.port = ctx.settings.redisPort();
        this.conf = dir.resolve("redis.conf");
        this.logFile = dir.resolve("redis.log");
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    void start(long deadlineNanos) {
        Path binary = ensureBinary();
        prepareDir();
        Path data = dir.resolve("data");
        ctx.host.createDirectories(data);
        requireFree(Map.of(port, "Redis"));
        boolean fresh = ctx.settings.fresh();
        write(conf, String.join("\n",
                "# Written by the dev services launcher on every start; edits are lost.",
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode no",
                "daemonize no",
                "dir \"" + data + "\"",
                "logfile \"\"",
                "loglevel notice",
                // keeps the config path in the process title, which is how a leftover process is recognised
                "proc-title-template \"{title} {listen-addr} {server-mode} {config-file}\"",
                fresh ? "appendonly no" : "appendonly yes",
                fresh ? "save \"\"" : "save 3600 1 300 100 60 10000",
                "") + "\n");
        Processes.rotate(logFile);
        Process process = Processes.launch(command(List.of(binary.toString(), conf.toString())), Map.of(), dir,
                logFile);
        Processes.writePid(pidFile(), process.pid());
        awaitReady(deadlineNanos, process, () -> ping(port), logFile);
    }

    private Path ensureBinary() {
        String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
        if (resource == null) {
            throw new DevServicesException("embedded-redis has no Redis binary for this OS/architecture");
        }
        String name = resource.replaceFirst("^/", "").replaceFirst("^redis-server-", "redis-");
        Path dist = Dist.ensure(ctx.host, ctx.distDir, name, "embedded-redis " + resource,
                target -> Dist.copyResource(resource, target.resolve("redis-server")));
        return dist.resolve("redis-server");
    }

    static boolean ping(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
    }

    @Override
    void stop() {
        Processes.terminate(ourProcesses(), stopGrace(Duration.ofSeconds(15)), "Redis");
    }

    @Override
    protected boolean isOurs(List<String> cmd) {
        String joined = String.join(" ", cmd);
        return joined.contains("redis-server") && joined.contains(conf.toString());
    }
}
