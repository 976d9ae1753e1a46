package io.musicstream.infra.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final AdminClient admin;

    KafkaHealthIndicator(AdminClient admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
        String clusterId = cluster.clusterId().get(2, TimeUnit.SECONDS);
        int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
        builder.status(nodes > 0 ? "UP" : "DOWN").withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }
}
