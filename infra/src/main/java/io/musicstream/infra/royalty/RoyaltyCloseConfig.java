package io.musicstream.infra.royalty;

import io.musicstream.sagas.royalty.RoyaltyCloseTiming;
import io.musicstream.sagas.royalty.RoyaltyPeriodCloseSaga;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The period close saga's timing and its processor. */
@Configuration(proxyBeanMethods = false)
class RoyaltyCloseConfig {

    @Bean
    RoyaltyCloseTiming royaltyCloseTiming(@Value("${music.royalties.grace-days:3}") long graceDays,
                                          @Value("${music.royalties.close-retry:PT30S}") Duration retry) {
        return new RoyaltyCloseTiming(Duration.ofDays(graceDays), retry);
    }

    /**
     * The saga's processor starts at the beginning of the store the first time it runs, so that a period whose
     * pools were declared before the saga existed closes too (Axon starts sagas at the head by default).
     */
    @Bean
    ConfigurerModule royaltyCloseSagaProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(RoyaltyPeriodCloseSaga.PROCESSING_GROUP,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)));
    }
}
