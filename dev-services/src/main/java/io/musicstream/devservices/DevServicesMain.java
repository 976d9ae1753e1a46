package io.musicstream.devservices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the dev services from the command line. Without a command they stay up until Ctrl-C; with one (after
 * {@code --}) they run that command as a child process, with the servers' URLs in the environment variables the
 * service reads, and stop when it ends:
 * <pre>java -jar dev-services/target/dev-services-exec.jar --run-dir=.run/dev -- java -jar music-streaming-exec.jar</pre>
 * Options: {@code --run-dir=DIR --fresh --services=postgres,kafka,elasticsearch,redis --postgres-port=N
 * --kafka-port=N --elasticsearch-port=N --redis-port=N}.
 */
public final class DevServicesMain {

    /** The shutdown hook that stops the child first; the servers' own hook waits for it. */
    static final String CHILD_SHUTDOWN_THREAD = "devservices-child-shutdown";

    private DevServicesMain() {
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        List<String> options = Arrays.asList(separator < 0 ? args : Arrays.copyOfRange(args, 0, separator));
        List<String> command = separator < 0 ? List.of() : List.of(Arrays.copyOfRange(args, separator + 1, args.length));
        DevServices devServices = DevServices.start(settings(options));
        Map<String, String> environment = environment(devServices);
        if (command.isEmpty()) {
            StringBuilder sb = new StringBuilder("Dev services running (Ctrl-C stops them):\n");
            environment.forEach((name, value) -> sb.append("  ").append(name).append('=').append(value).append('\n'));
            System.out.print(sb);
            System.out.flush();
            new CountDownLatch(1).await(); // the shutdown hook stops the services
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), CHILD_SHUTDOWN_THREAD));
        int exit = child.waitFor();
        devServices.close();
        System.exit(exit);
    }

    /** The service's configuration properties that give each running server's URL. */
    public static Map<String, String> properties(DevServices devServices) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (devServices.isRunning(Service.POSTGRES)) {
            properties.put("spring.datasource.url", devServices.jdbcUrl());
            properties.put("spring.datasource.username", devServices.jdbcUsername());
            properties.put("spring.datasource.password", devServices.jdbcPassword());
        }
        if (devServices.isRunning(Service.KAFKA)) {
            properties.put("spring.kafka.bootstrap-servers", devServices.kafkaBootstrapServers());
        }
        if (devServices.isRunning(Service.ELASTICSEARCH)) {
            properties.put("music.elasticsearch.url", devServices.elasticsearchUrl());
        }
        if (devServices.isRunning(Service.REDIS)) {
            properties.put("spring.data.redis.url", devServices.redisUrl());
        }
        return properties;
    }

    /** The same as environment variables (SPRING_DATASOURCE_URL, ...), which Spring reads as those properties. */
    static Map<String, String> environment(DevServices devServices) {
        Map<String, String> env = new LinkedHashMap<>();
        properties(devServices).forEach((property, value) ->
                env.put(property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT), value));
        return env;
    }

    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DevServicesSettings settings(List<String> options) {
        Path runDir = Path.of(".run/dev");
        boolean fresh = false;
        Set<Service> services = EnumSet.allOf(Service.class);
        int pg = DevServicesSettings.DEFAULT_POSTGRES_PORT;
        int kafka = DevServicesSettings.DEFAULT_KAFKA_PORT;
        int es = DevServicesSettings.DEFAULT_ELASTICSEARCH_PORT;
        int redis = DevServicesSettings.DEFAULT_REDIS_PORT;
        List<String> unknown = new ArrayList<>();
        for (String arg : options) {
            String[] kv = arg.split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "--run-dir" -> runDir = Path.of(value);
                case "--fresh" -> fresh = value.isEmpty() || Boolean.parseBoolean(value);
                case "--services" -> {
                    services = EnumSet.noneOf(Service.class);
                    for (String s : value.split(",")) {
                        if (!s.isBlank()) {
                            services.add(Service.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                        }
                    }
                }
                case "--postgres-port" -> pg = Integer.parseInt(value);
                case "--kafka-port" -> kafka = Integer.parseInt(value);
                case "--elasticsearch-port" -> es = Integer.parseInt(value);
                case "--redis-port" -> redis = Integer.parseInt(value);
                default -> unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown);
        }
        return new DevServicesSettings(runDir, pg, kafka, es, redis, fresh, services);
    }
}
