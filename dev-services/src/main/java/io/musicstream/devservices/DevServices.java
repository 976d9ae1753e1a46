package io.musicstream.devservices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL, Kafka (KRaft), Elasticsearch and Redis on loopback, started from the Maven Central artifacts the
 * build downloaded: no Docker needed. Services start in parallel; {@link #start} returns when each one answers.
 *
 * <p>Data lives in one directory per service under {@link DevServicesSettings#runDir()} and survives restarts unless
 * {@link DevServicesSettings#fresh()}. Binaries are extracted once into the sibling {@code dist} directory. Servers
 * left running by a JVM that died without {@link #close()} are recognised (pid files, command lines) and stopped
 * before new ones start. As root, PostgreSQL and Elasticsearch run as {@code nobody}.
 *
 * <pre>{@code
 * try (DevServices services = DevServices.start(DevServicesSettings.defaults(Path.of(".run/dev"), false))) {
 *     String url = services.jdbcUrl();
 * }
 * }</pre>
 */
public final class DevServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevServices.class);

    /** Overrides the start timeout per service, in seconds. */
    public static final String START_TIMEOUT_PROPERTY = "devservices.start-timeout-seconds";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    /** How long the shutdown hook waits for the application to stop (in this JVM or a child's), before its servers. */
    private static final Duration SPRING_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final DevServicesSettings settings;
    private final Map<Service, DevServer> servers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    /** Set while {@link #start} runs, so that {@link #close()} can interrupt a start-up in progress. */
    private volatile ExecutorService startPool;
    private volatile RunDirLock lock;

    private DevServices(DevServicesSettings settings, Map<Service, DevServer> servers) {
        this.settings = settings;
        this.servers = servers;
        this.shutdownHook = new Thread(this::closeFromShutdownHook, "devservices-shutdown");
    }

    /**
     * Starts the requested services in parallel and blocks until each answers.
     *
     * @throws DevServicesException naming the service, with the tail of its log, when one fails or does not answer in
     *                              time (about 120 s); the ones that did start are stopped again
     */
    public static DevServices start(DevServicesSettings settings) {
        long startNanos = System.nanoTime();
        Duration timeout = Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, DEFAULT_START_TIMEOUT.toSeconds()));
        long deadline = startNanos + timeout.toNanos();
        Map<Service, DevServer> servers = new EnumMap<>(Service.class);
        if (settings.services().isEmpty()) {
            return new DevServices(settings, servers);
        }
        DevServicesContext ctx = DevServicesContext.create(settings);
        for (Service s : settings.services()) {
            servers.put(s, DevServer.create(ctx, s));
        }
        RunDirLock lock = RunDirLock.acquire(settings.runDir());

        // registered before anything starts: the servers run in sessions of their own, so a Ctrl-C during start-up
        // reaches only this JVM, and the hook must stop whatever was started so far
        DevServices devServices = new DevServices(settings, servers);
        devServices.lock = lock;
        Runtime.getRuntime().addShutdownHook(devServices.shutdownHook);

        Map<Service, Duration> took = Collections.synchronizedMap(new EnumMap<>(Service.class));
        ExecutorService pool = Executors.newFixedThreadPool(servers.size(), daemonThreads("devservices-start"));
        devServices.startPool = pool;
        CompletionService<Service> completion = new ExecutorCompletionService<>(pool);
        List<Future<Service>> futures = new ArrayList<>();
        for (DevServer server : servers.values()) {
            futures.add(completion.submit(() -> {
                long t = System.nanoTime();
                server.start(deadline);
                server.markReady();
                Duration d = Duration.ofNanos(System.nanoTime() - t);
                took.put(server.service(), d);
                log.info("{} ready on {} in {}", server.service().displayName(),
                        endpoint(settings, server.service()), Host.seconds(d));
                return server.service();
            }));
        }
        Throwable failure = null;
        try {
            for (int i = 0; i < futures.size() && failure == null; i++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    failure = e.getCause(); // the first failure cancels the others: no point waiting for them
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new DevServicesException("Interrupted while starting dev services", e);
        }
        if (failure != null) {
            DevServicesException error = devServices.closed.get()
                    ? new DevServicesException("Dev services were closed (the JVM is shutting down?) while they were "
                    + "starting", failure)
                    : failure instanceof DevServicesException d ? d
                    : new DevServicesException("Dev services failed to start: " + failure, failure);
            devServices.close(); // interrupts the other start-ups, then stops everything
            for (Future<Service> f : futures) {
                try {
                    if (f.isDone() && !f.isCancelled()) {
                        f.get();
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() != failure && !causedByInterrupt(e.getCause())) {
                        error.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException | java.util.concurrent.CancellationException ignored) {
                    // reported through the first failure
                }
            }
            throw error;
        }
        pool.shutdown();
        devServices.startPool = null;

        log.info("Dev services ready in {} ({}); data in {}",
                Host.seconds(Duration.ofNanos(System.nanoTime() - startNanos)),
                servers.keySet().stream().map(s -> s.displayName() + " " + Host.seconds(took.get(s)))
                        .collect(Collectors.joining(", ")),
                settings.runDir());
        return devServices;
    }

    public DevServicesSettings settings() {
        return settings;
    }

    /** Whether this instance started the service (and has not been closed). */
    public boolean isRunning(Service service) {
        return !closed.get() && servers.containsKey(service);
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/music}. */
    public String jdbcUrl() {
        return ((PostgresDevServer) server(Service.POSTGRES)).jdbcUrl();
    }

    public String jdbcUsername() {
        server(Service.POSTGRES);
        return PostgresDevServer.USER;
    }

    /** Empty: trust authentication on loopback. */
    public String jdbcPassword() {
        server(Service.POSTGRES);
        return "";
    }

    /** {@code 127.0.0.1:<port>}. */
    public String kafkaBootstrapServers() {
        return ((KafkaDevServer) server(Service.KAFKA)).bootstrapServers();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String elasticsearchUrl() {
        return ((ElasticsearchDevServer) server(Service.ELASTICSEARCH)).url();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String redisUrl() {
        return ((RedisDevServer) server(Service.REDIS)).url();
    }

    private DevServer server(Service service) {
        DevServer server = servers.get(service);
        if (server == null) {
            throw new IllegalStateException(service.displayName() + " was not requested from these dev services "
                    + "(requested: " + settings.services() + ")");
        }
        return server;
    }

    /** Stops all started services in parallel and waits for their clean shutdown. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException | SecurityException ignored) {
            // JVM shutting down (we may be the hook) or hook never registered
        }
        if (servers.isEmpty()) {
            return;
        }
        long t = System.nanoTime();
        ExecutorService starting = startPool;
        if (starting != null) {
            starting.shutdownNow();
            try {
                if (!starting.awaitTermination(60, TimeUnit.SECONDS)) {
                    log.warn("Dev services still starting after 60 s; stopping them anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopAll(servers.values());
        releaseLock();
        log.info("Dev services stopped in {}", Host.seconds(Duration.ofNanos(System.nanoTime() - t)));
    }

    /**
     * Simulates a JVM that died: forgets the servers without stopping them (and drops the shutdown hook). For tests of
     * the restart-after-crash path only.
     */
    void abandonWithoutStopping() {
        if (closed.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // shutting down
            }
            releaseLock();
        }
    }

    private void releaseLock() {
        RunDirLock l = lock;
        lock = null;
        if (l != null) {
            l.close();
        }
    }

    private void closeFromShutdownHook() {
        // Shutdown hooks run concurrently: let Spring close the application (which may flush to these servers, and
        // normally closes us itself) before pulling the servers from under it.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && (t.getName().equals("SpringApplicationShutdownHook")
                    || t.getName().equals(DevServicesMain.CHILD_SHUTDOWN_THREAD))) {
                try {
                    t.join(SPRING_SHUTDOWN_GRACE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        close();
    }

    private static void stopAll(java.util.Collection<DevServer> servers) {
        if (servers.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(servers.size(), daemonThreads("devservices-stop"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (DevServer server : servers) {
                futures.add(pool.submit(() -> {
                    try {
                        server.stop();
                    } catch (RuntimeException e) {
                        log.warn("Could not stop {} cleanly: {}", server.service().displayName(), e.toString());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    log.warn("Stopping a dev service failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static boolean causedByInterrupt(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException
                    || c instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String endpoint(DevServicesSettings s, Service service) {
        return switch (service) {
            case POSTGRES -> "127.0.0.1:" + s.postgresPort();
            case KAFKA -> "127.0.0.1:" + s.kafkaPort();
            case ELASTICSEARCH -> "127.0.0.1:" + s.elasticsearchPort();
            case REDIS -> "127.0.0.1:" + s.redisPort();
        };
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "DevServices" + servers.keySet() + " in " + settings.runDir();
    }
}
