package io.musicstream.infra.devservices;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the dev services from the command line and keeps them up until Ctrl-C, e.g.
 * {@code java -cp ... io.musicstream.infra.devservices.DevServicesMain --run-dir=.run/dev}.
 * Options: {@code --run-dir=DIR --fresh --services=postgres,kafka,elasticsearch,redis --postgres-port=N
 * --kafka-port=N --elasticsearch-port=N --redis-port=N}.
 */
public final class DevServicesMain {

    private DevServicesMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path runDir = Path.of(".run/dev");
        boolean fresh = false;
        Set<Service> services = EnumSet.allOf(Service.class);
        int pg = DevServicesSettings.DEFAULT_POSTGRES_PORT;
        int kafka = DevServicesSettings.DEFAULT_KAFKA_PORT;
        int es = DevServicesSettings.DEFAULT_ELASTICSEARCH_PORT;
        int redis = DevServicesSettings.DEFAULT_REDIS_PORT;
        for (String arg : args) {
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
                default -> {
                    System.err.println("Unknown option " + arg);
                    System.exit(2);
                }
            }
        }
        DevServices devServices = DevServices.start(new DevServicesSettings(runDir, pg, kafka, es, redis, fresh,
                services));
        StringBuilder sb = new StringBuilder("Dev services running (Ctrl-C stops them):\n");
        if (devServices.isRunning(Service.POSTGRES)) {
            sb.append("  jdbc:          ").append(devServices.jdbcUrl()).append(" (user ")
                    .append(devServices.jdbcUsername()).append(")\n");
        }
        if (devServices.isRunning(Service.KAFKA)) {
            sb.append("  kafka:         ").append(devServices.kafkaBootstrapServers()).append('\n');
        }
        if (devServices.isRunning(Service.ELASTICSEARCH)) {
            sb.append("  elasticsearch: ").append(devServices.elasticsearchUrl()).append('\n');
        }
        if (devServices.isRunning(Service.REDIS)) {
            sb.append("  redis:         ").append(devServices.redisUrl()).append('\n');
        }
        System.out.print(sb);
        System.out.flush();
        new CountDownLatch(1).await(); // the shutdown hook stops the services
    }
}
