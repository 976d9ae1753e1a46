package io.musicstream.devservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One server: prepared, started, awaited and stopped by its subclass; the shared plumbing lives here. */
abstract class DevServer {

    private static final Logger log = LoggerFactory.getLogger(DevServer.class);

    protected final DevServicesContext ctx;
    protected final Service service;
    protected final Path dir;
    /** Between launching and answering: a server stopped then has not much to lose, so it gets little grace. */
    private volatile boolean startingUp;

    DevServer(DevServicesContext ctx, Service service) {
        this.ctx = ctx;
        this.service = service;
        this.dir = ctx.serviceDir(service);
    }

    static DevServer create(DevServicesContext ctx, Service service) {
        return switch (service) {
            case POSTGRES -> new PostgresDevServer(ctx);
            case KAFKA -> new KafkaDevServer(ctx);
            case ELASTICSEARCH -> new ElasticsearchDevServer(ctx);
            case REDIS -> new RedisDevServer(ctx);
        };
    }

    Service service() {
        return service;
    }

    /** Prepares, starts and blocks until the server answers; throws {@link DevServicesException} otherwise. */
    abstract void start(long deadlineNanos);

    /** Stops the server if running (also one left over by an earlier run); safe to call more than once. */
    abstract void stop();

    /** Our pid file. */
    protected Path pidFile() {
        return dir.resolve(service.dirName() + ".pid");
    }

    /** The pid files worth checking for leftovers (ours and the server's own). */
    protected List<Path> pidFiles() {
        return List.of(pidFile());
    }

    /** Recognises our server's command line (argv from /proc). */
    protected abstract boolean isOurs(List<String> commandLine);

    /** Live processes of this service, including ones from an earlier run of a crashed JVM. */
    protected List<ProcessHandle> ourProcesses() {
        return Processes.findOurs(pidFiles(), this::isOurs);
    }

    /** Stops leftovers of an earlier run, wipes data when fresh, creates the directory. */
    protected void prepareDir() {
        List<ProcessHandle> leftovers = ourProcesses();
        if (!leftovers.isEmpty()) {
            log.info("{}: stopping a server left running by an earlier run (pid {})", service.displayName(),
                    leftovers.stream().map(h -> Long.toString(h.pid())).toList());
            stop();
        }
        if (ctx.settings.fresh()) {
            Processes.deleteTree(dir);
        }
        ctx.host.createDirectories(dir);
        startingUp = true;
    }

    /** Called once {@link #start} returned. */
    void markReady() {
        startingUp = false;
    }

    /** How long to wait after SIGTERM before SIGKILL. */
    protected Duration stopGrace(Duration normal) {
        return startingUp ? Duration.ofSeconds(5) : normal;
    }

    protected void requireFree(Map<Integer, String> ports) {
        Processes.requireFree(service, ports);
    }

    protected Path ensureNobodyOwns(Path path) {
        if (ctx.unprivileged(service)) {
            ctx.host.chownToUnprivileged(path);
        }
        return path;
    }

    protected List<String> command(List<String> command) {
        List<String> c = ctx.unprivileged(service) ? ctx.host.unprivileged(command) : command;
        return ctx.host.detached(c);
    }

    @FunctionalInterface
    interface ReadyCheck {
        /** True when ready; may throw while not ready yet (the last failure is reported on timeout). */
        boolean ready() throws Exception;
    }

    /**
     * Polls {@code check} until it passes; fails early when {@code process} (if any) ended, and at the deadline with
     * the tail of {@code logs}.
     */
    protected void awaitReady(long deadlineNanos, Process process, ReadyCheck check, Path... logs) {
        Exception last = null;
        long sleep = 50;
        while (true) {
            if (process != null && !process.isAlive()) {
                throw new DevServicesException(service.displayName() + " exited with code " + process.exitValue()
                        + " before it was ready" + Processes.tailMessage(logs));
            }
            try {
                if (check.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServicesException("Interrupted while waiting for " + service.displayName(), e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new DevServicesException(service.displayName() + " did not become ready in time"
                        + (last == null ? "" : " (last attempt: " + last + ")") + Processes.tailMessage(logs), last);
            }
            Processes.sleep(sleep);
            sleep = Math.min(sleep * 2, 250);
        }
    }

    protected static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000_000L, deadlineNanos - System.nanoTime()));
    }

    protected static void write(Path file, String content) {
        try {
            Host.writeNew(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new DevServicesException("Could not write " + file, e);
        }
    }

    protected static List<String> list(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
