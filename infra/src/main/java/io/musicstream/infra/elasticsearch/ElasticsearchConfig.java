package io.musicstream.infra.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(@Value("${music.elasticsearch.url}") String url) {
        return RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(c -> c.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .setHttpClientConfigCallback(h -> h.setMaxConnTotal(64).setMaxConnPerRoute(64))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        // Jackson 3 writes dates as ISO-8601 text, as the index mapping expects
        return new ElasticsearchClient(new RestClientTransport(restClient,
                new Jackson3JsonpMapper(JsonMapper.builder().build())));
    }
}
