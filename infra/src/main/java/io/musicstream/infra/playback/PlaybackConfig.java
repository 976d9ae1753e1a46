package io.musicstream.infra.playback;

import io.musicstream.command.library.ListenerCountries;
import io.musicstream.command.playback.CountedStreams;
import io.musicstream.command.playback.ListenerPlans;
import io.musicstream.command.playback.PlayRecorder;
import io.musicstream.command.playback.PlayableTracks;
import io.musicstream.command.playback.RecordedPlays;
import io.musicstream.command.playback.StreamRulesInForce;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The play recorder, on the read models, the counting table and the event store of this service. */
@Configuration(proxyBeanMethods = false)
class PlaybackConfig {

    @Bean
    PlayRecorder playRecorder(PlayableTracks catalog, ListenerCountries countries, ListenerPlans plans,
                              StreamRulesInForce rules, CountedStreams counted, RecordedPlays recorded,
                              EventStore events, TransactionManager transactions) {
        return new PlayRecorder(catalog, countries, plans, rules, counted, recorded, events, transactions);
    }
}
