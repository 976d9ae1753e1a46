package io.musicstream.infra.web;

import io.musicstream.query.json.IsoInstantSerializer;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/** The API's JSON: instants written by {@link IsoInstantSerializer}. */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    JacksonModule isoInstants() {
        return new SimpleModule("iso-instants").addSerializer(Instant.class, new IsoInstantSerializer());
    }
}
