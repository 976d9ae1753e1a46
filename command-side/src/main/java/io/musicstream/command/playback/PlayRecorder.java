package io.musicstream.command.playback;

import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.ListenerCountries;
import io.musicstream.events.account.Plan;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.playback.EndReason;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Records play reports in batches, one transaction per batch: the same checks for every path (HTTP one at a
 * time or in batches, the play-events topic), one lookup per batch for what was already stored, the tracks, the
 * listeners' countries and their plans, the counting decision under one lock per (user, track), and one batched
 * append.
 *
 * <p>A play is stored once per user and client play id: as the first event of the stream {@link PlayIds#of}, so
 * the event store's unique (aggregate, sequence) key refuses a second copy whatever races past the lookup;
 * then the batch is tried again and the lookup finds it.
 */
public class PlayRecorder {

    /** How far a device clock may run ahead of the server's. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long a device may hold plays made offline before reporting them. */
    public static final Duration OFFLINE_WINDOW = Duration.ofDays(30);
    /** How much longer than the track a play may last (buffering, clock rounding). */
    public static final long DURATION_MARGIN_MS = 10_000;
    /** No track is longer than this; checked before the catalog is asked. */
    public static final long MAX_MS_PLAYED = Duration.ofHours(24).toMillis();
    /** The aggregate type plays are stored under. */
    public static final String STREAM_TYPE = "Play";
    private static final int ATTEMPTS = 3;

    private final PlayableTracks catalog;
    private final ListenerCountries countries;
    private final ListenerPlans plans;
    private final StreamRulesInForce rules;
    private final CountedStreams counted;
    private final RecordedPlays recorded;
    private final EventBus events;
    private final TransactionManager transactions;

    public PlayRecorder(PlayableTracks catalog, ListenerCountries countries, ListenerPlans plans,
                        StreamRulesInForce rules, CountedStreams counted, RecordedPlays recorded, EventBus events,
                        TransactionManager transactions) {
        this.catalog = catalog;
        this.countries = countries;
        this.plans = plans;
        this.rules = rules;
        this.counted = counted;
        this.recorded = recorded;
        this.events = events;
        this.transactions = transactions;
    }

    /** An outcome per report, in the order given. */
    public List<PlayOutcome> record(List<RecordPlay> reports) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(reports);
            } catch (AggregateStreamCreationException | ConcurrencyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private List<PlayOutcome> inTransaction(List<RecordPlay> reports) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            List<PlayOutcome> outcomes = decide(reports);
            unitOfWork.commit();
            return outcomes;
        } catch (RuntimeException | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    private List<PlayOutcome> decide(List<RecordPlay> reports) {
        PlayOutcome[] outcomes = new PlayOutcome[reports.size()];
        Map<String, Integer> firstById = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            RecordPlay report = reports.get(i);
            try {
                checkInput(report);
                firstById.putIfAbsent(report.aggregateId(), i);
            } catch (InvalidInputException e) {
                outcomes[i] = new PlayOutcome.Refused(report, e);
            }
        }
        Map<String, StreamCounting.Decision> stored = firstById.isEmpty() ? Map.of()
                : recorded.decisions(firstById.keySet());
        List<Integer> fresh = new ArrayList<>();
        firstById.forEach((id, i) -> {
            StreamCounting.Decision before = stored.get(id);
            if (before != null) {
                outcomes[i] = new PlayOutcome.Duplicate(reports.get(i), before);
            } else {
                fresh.add(i);
            }
        });
        List<Accepted> accepted = checkAgainstCatalog(reports, fresh, outcomes);
        count(accepted);
        List<EventMessage<?>> messages = new ArrayList<>(accepted.size());
        for (Accepted play : accepted) {
            TrackPlayed event = play.event();
            outcomes[play.index()] = new PlayOutcome.Recorded(play.report(), event);
            messages.add(new GenericDomainEventMessage<>(STREAM_TYPE, play.report().aggregateId(), 0, event));
        }
        if (!messages.isEmpty()) {
            events.publish(messages);
        }
        answerRepeatsInBatch(reports, firstById, outcomes);
        return List.of(outcomes);
    }

    /** A report naming the same play as an earlier one of the batch is answered as that one was. */
    private static void answerRepeatsInBatch(List<RecordPlay> reports, Map<String, Integer> firstById,
                                             PlayOutcome[] outcomes) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null) {
                continue;
            }
            RecordPlay report = reports.get(i);
            PlayOutcome first = outcomes[firstById.get(report.aggregateId())];
            if (first instanceof PlayOutcome.Recorded r) {
                outcomes[i] = new PlayOutcome.Duplicate(report,
                        new StreamCounting.Decision(r.played().counted(), r.played().ruleVersion()));
            } else if (first instanceof PlayOutcome.Duplicate d) {
                outcomes[i] = new PlayOutcome.Duplicate(report, d.decision());
            } else {
                outcomes[i] = new PlayOutcome.Refused(report, ((PlayOutcome.Refused) first).reason());
            }
        }
    }

    /** A play that passed every check, waiting for its counting decision. */
    private static final class Accepted {
        final int index;
        final RecordPlay report;
        final String territory;
        final PlayableTracks.Track track;
        /** The listener's plan, or null when the user has no account here (an edge service's id). */
        final Plan tier;
        StreamCounting.Decision decision;

        Accepted(int index, RecordPlay report, String territory, PlayableTracks.Track track, Plan tier) {
            this.index = index;
            this.report = report;
            this.territory = territory;
            this.track = track;
            this.tier = tier;
        }

        int index() {
            return index;
        }

        RecordPlay report() {
            return report;
        }

        CountedStreams.UserTrack pair() {
            return new CountedStreams.UserTrack(report.userId(), report.trackId());
        }

        TrackPlayed event() {
            PlayContext.Type contextType = InputRules.constant(report.contextType(), PlayContext.Type.class);
            return new TrackPlayed(report.playId(), report.userId(), report.trackId(), report.startedAt(),
                    report.msPlayed(), report.deviceId(), report.territory(), territory, track.releaseId(),
                    track.artistIds(), InputRules.constant(report.endReason(), EndReason.class),
                    contextType == null ? null : new PlayContext(contextType, report.contextId()),
                    report.offline(), decision.counted(), decision.ruleVersion(), tier);
        }
    }

    /** Refuses plays of unknown tracks, longer than the track, or not playable where they were played. */
    private List<Accepted> checkAgainstCatalog(List<RecordPlay> reports, List<Integer> fresh, PlayOutcome[] outcomes) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        Set<String> trackIds = new HashSet<>();
        Set<String> userIds = new HashSet<>();
        Set<String> withoutTerritory = new HashSet<>();
        for (int i : fresh) {
            trackIds.add(reports.get(i).trackId());
            userIds.add(reports.get(i).userId());
            if (reports.get(i).territory() == null) {
                withoutTerritory.add(reports.get(i).userId());
            }
        }
        Map<String, String> countryOf = withoutTerritory.isEmpty() ? Map.of() : countries.countriesOf(withoutTerritory);
        Map<String, PlayableTracks.Track> tracks = catalog.tracks(trackIds);
        Map<String, Plan> planOf = plans.plansOf(userIds);
        List<Accepted> accepted = new ArrayList<>(fresh.size());
        for (int i : fresh) {
            RecordPlay report = reports.get(i);
            String territory = report.territory() != null ? report.territory() : countryOf.get(report.userId());
            PlayableTracks.Track track = tracks.get(report.trackId());
            RuntimeException refusal = refusal(report, territory, track);
            if (refusal != null) {
                outcomes[i] = new PlayOutcome.Refused(report, refusal);
            } else {
                accepted.add(new Accepted(i, report, territory, track, planOf.get(report.userId())));
            }
        }
        return accepted;
    }

    private static RuntimeException refusal(RecordPlay report, String territory, PlayableTracks.Track track) {
        if (track == null) {
            return new UnknownItemException("track " + report.trackId() + " does not exist");
        }
        if (report.msPlayed() > track.durationMs() + DURATION_MARGIN_MS) {
            return new InvalidInputException(InputRules.check().fault("msPlayed", "must be at most the track's duration ("
                    + track.durationMs() + " ms) plus " + DURATION_MARGIN_MS + " ms, got " + report.msPlayed()).errors());
        }
        String unavailable = track.unavailableIn(territory);
        if (unavailable != null) {
            return new InvalidCommandException(List.of("track " + report.trackId() + " may not be played"
                    + (territory == null ? "" : " in " + territory) + ": " + unavailable));
        }
        return null;
    }

    /**
     * Decides every accepted play, last, once nothing can refuse them: plays long enough to count lock their
     * (user, track) rows, in one sorted order so that concurrent batches never deadlock, and are decided in
     * the order they started.
     */
    private void count(List<Accepted> accepted) {
        StreamRuleHistory history = rules.history();
        Set<CountedStreams.UserTrack> pairs = new TreeSet<>(Comparator.comparing(CountedStreams.UserTrack::userId)
                .thenComparing(CountedStreams.UserTrack::trackId));
        List<Accepted> candidates = new ArrayList<>();
        for (Accepted play : accepted) {
            if (StreamCounting.longEnough(history, play.report.startedAt(), play.report.msPlayed())) {
                pairs.add(play.pair());
                candidates.add(play);
            } else {
                play.decision = StreamCounting.decide(history, play.report.startedAt(), play.report.msPlayed(), null);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Map<CountedStreams.UserTrack, Instant> last = new HashMap<>(counted.lockLastCounted(pairs));
        Map<CountedStreams.UserTrack, Instant> latest = new HashMap<>();
        candidates.sort(Comparator.comparing(play -> play.report.startedAt()));
        for (Accepted play : candidates) {
            CountedStreams.UserTrack pair = play.pair();
            Instant start = play.report.startedAt();
            play.decision = StreamCounting.decide(history, start, play.report.msPlayed(), last.get(pair));
            if (play.decision.counted()) {
                Instant before = last.get(pair);
                Instant newest = before == null || start.isAfter(before) ? start : before;
                last.put(pair, newest);
                latest.put(pair, newest);
            }
        }
        if (!latest.isEmpty()) {
            counted.counted(latest);
        }
    }

    /** The checks that need nothing but the report: the same for every path. */
    static void checkInput(RecordPlay command) {
        InputRules rules = InputRules.check()
                .text("playId", command.playId(), InputRules.ID)
                .text("userId", command.userId(), InputRules.ID)
                .text("trackId", command.trackId(), InputRules.ID)
                .text("deviceId", command.deviceId(), InputRules.ID)
                .territory("territory", command.territory())
                .oneOf("endReason", command.endReason(), EndReason.class)
                .oneOf("context.type", command.contextType(), PlayContext.Type.class)
                .text("context.id", command.contextId(), InputRules.ID);
        if (command.contextId() != null && command.contextType() == null) {
            rules.fault("context.type", "is required with context.id");
        }
        required(rules, "playId", command.playId());
        required(rules, "userId", command.userId());
        required(rules, "trackId", command.trackId());
        if (command.userId() != null && command.userId().indexOf(':') >= 0) {
            rules.fault("userId", "must not contain ':'");
        }
        if (command.msPlayed() < 0 || command.msPlayed() > MAX_MS_PLAYED) {
            rules.fault("msPlayed", "must be from 0 to " + MAX_MS_PLAYED + ", got " + command.msPlayed());
        }
        if (command.receivedAt() == null) {
            rules.fault("receivedAt", "is required");
        }
        if (command.startedAt() == null) {
            rules.fault("startedAt", "is required");
        } else if (command.receivedAt() != null) {
            if (command.startedAt().isAfter(command.receivedAt().plus(CLOCK_SKEW))) {
                rules.fault("startedAt", "must not be after the time the play was received (" + command.receivedAt()
                        + ") by more than " + CLOCK_SKEW.toMinutes() + " minutes");
            } else if (command.startedAt().isBefore(command.receivedAt().minus(OFFLINE_WINDOW))) {
                rules.fault("startedAt", "must not be more than " + OFFLINE_WINDOW.toDays()
                        + " days before the play was received (" + command.receivedAt() + ")");
            }
        }
        rules.orThrow();
    }

    private static void required(InputRules rules, String field, String value) {
        if (value == null || value.isBlank()) {
            rules.fault(field, "is required");
        }
    }
}
