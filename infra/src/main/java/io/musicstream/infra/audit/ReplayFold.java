package io.musicstream.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.events.serialization.TrackPlayedUpcaster1To2;
import io.musicstream.events.serialization.TrackPlayedUpcaster2To3;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds the raw events of the event store, in global index order, into what the statements of one period need
 * (docs/royalties.md, "Auditor's replay"): its own reading of the JSON payloads, apart from the projections.
 * Counted plays are settled by the settlement rule: in the first period, from the play's own on, that is not
 * closed by an earlier event. Plays settled after the audited period cannot reach its statements and are left out.
 */
final class ReplayFold {

    static final String TRACK_PLAYED = TrackPlayed.class.getName();
    static final String RELEASE_INGESTED = ReleaseIngested.class.getName();
    static final String TRACK_ADDED = TrackAddedToRelease.class.getName();
    static final String TRACK_UPDATED = TrackMetadataUpdated.class.getName();
    static final String RULES_ADOPTED = RoyaltyRulesAdopted.class.getName();
    static final String POOL_DECLARED = RevenuePoolDeclared.class.getName();
    static final String PERIOD_CLOSED = RoyaltyPeriodClosed.class.getName();
    static final String STATEMENT_ISSUED = RoyaltyStatementIssued.class.getName();
    /** The payload types the replay reads; every other event is left in the store. */
    static final List<String> TYPES = List.of(TRACK_PLAYED, RELEASE_INGESTED, TRACK_ADDED, TRACK_UPDATED,
            RULES_ADOPTED, POOL_DECLARED, PERIOD_CLOSED, STATEMENT_ISSUED);
    static final String UNKNOWN_TERRITORY = "XX";
    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final String SEPARATOR = "\u001f";

    record Closed(int rulesVersion, long globalIndex) {
    }

    record PoolKey(String territory, Plan tier) {
    }

    record Pool(long amountMinor, String currency) {
    }

    record Issued(RoyaltyStatementIssued statement, long globalIndex) {
    }

    /** A track's share versions so far: their starts, and the latest's holders to tell a change from a repeat. */
    private static final class TrackShares {
        final List<Instant> starts = new ArrayList<>(1);
        String latestHolders;

        /** The version in force at {@code at}, the first before it, 0 while the track has no holders. */
        int versionAt(Instant at) {
            int found = starts.isEmpty() ? 0 : 1;
            for (int i = 0; i < starts.size() && !starts.get(i).isAfter(at); i++) {
                found = i + 1;
            }
            return found;
        }
    }

    private final YearMonth period;
    private final String partyId;
    private final ReplayRows rows;
    private final TreeMap<YearMonth, Closed> closes = new TreeMap<>();
    private final Map<Integer, RoyaltyRulesAdopted> rules = new HashMap<>();
    private final Map<YearMonth, Map<PoolKey, Pool>> pools = new HashMap<>();
    private final List<Issued> issued = new ArrayList<>();
    private final Map<String, TrackShares> tracks = new HashMap<>();
    private final Map<YearMonth, String> monthTexts = new HashMap<>();
    private long eventsRead;
    private long countedStreams;
    private long skipped;

    /**
     * @param period  the period whose statements are audited
     * @param partyId the one holder audited, or {@code null} for all
     */
    ReplayFold(YearMonth period, String partyId, ReplayRows rows) {
        this.period = period;
        this.partyId = partyId;
        this.rows = rows;
        rules.put(RoyaltyRulesAdopted.VERSION_1.version(), RoyaltyRulesAdopted.VERSION_1);
    }

    /**
     * Takes the next event in global index order.
     *
     * @throws IllegalStateException when a payload is not JSON or has a revision the replay does not know: an
     *                               audit does not guess
     */
    void accept(RawEvent event) {
        eventsRead++;
        String type = event.payloadType();
        try {
            if (TRACK_PLAYED.equals(type)) {
                play(event.play() != null ? event.play() : readPlay(event));
            } else if (RELEASE_INGESTED.equals(type)) {
                JsonNode release = tree(event, "1");
                Instant at = instant(release.get("ingestedAt"));
                JsonNode specs = release.get("tracks");
                if (at == null || specs != null && !specs.isNull() && !specs.isArray()) {
                    skipped++;
                    return;
                }
                List<JsonNode> list = new ArrayList<>();
                if (specs != null) {
                    specs.forEach(list::add);
                }
                shareChanges(event, list, at);
            } else if (TRACK_ADDED.equals(type)) {
                JsonNode added = tree(event, "1");
                shareChanges(event, List.of(added.path("track")), instant(added.get("addedAt")));
            } else if (TRACK_UPDATED.equals(type)) {
                JsonNode updated = tree(event, "1");
                shareChanges(event, List.of(updated.path("track")), instant(updated.get("updatedAt")));
            } else if (RULES_ADOPTED.equals(type)) {
                RoyaltyRulesAdopted adopted = value(event, RoyaltyRulesAdopted.class);
                rules.put(adopted.version(), adopted);
            } else if (POOL_DECLARED.equals(type)) {
                pool(value(event, RevenuePoolDeclared.class));
            } else if (PERIOD_CLOSED.equals(type)) {
                RoyaltyPeriodClosed closed = value(event, RoyaltyPeriodClosed.class);
                YearMonth month = month(closed.period());
                if (month != null) {
                    closes.putIfAbsent(month, new Closed(closed.rulesVersion(), event.globalIndex()));
                }
            } else if (STATEMENT_ISSUED.equals(type)) {
                RoyaltyStatementIssued statement = value(event, RoyaltyStatementIssued.class);
                if (period.toString().equals(statement.period())
                        && (partyId == null || partyId.equals(statement.partyId()))) {
                    issued.add(new Issued(statement, event.globalIndex()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("event " + event.globalIndex() + " (" + type + ") is not readable: "
                    + e.getMessage(), e);
        }
    }

    /** What the replay reads of a play, whichever revision it was stored as. */
    static PlayFacts readPlay(RawEvent event) throws IOException {
        String revision = event.payloadRevision();
        if ("3".equals(revision)) {
            return PlayFacts.parse(JSON.getFactory(), event.payload());
        } else if ("2".equals(revision)) {
            return PlayFacts.of(TrackPlayedUpcaster2To3.upcast(JSON.readTree(event.payload())));
        } else if ("1".equals(revision)) {
            return PlayFacts.of(TrackPlayedUpcaster2To3.upcast(TrackPlayedUpcaster1To2.upcast(
                    JSON.readTree(event.payload()))));
        }
        throw unknownRevision(event);
    }

    private void play(PlayFacts play) {
        if (!play.counted()) {
            return;
        }
        String userId = play.userId();
        String trackId = play.trackId();
        Instant startedAt = instant(play.startedAt());
        if (userId == null || trackId == null || startedAt == null) {
            skipped++;
            return;
        }
        countedStreams++;
        LocalDate day = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
        YearMonth played = YearMonth.from(day);
        YearMonth settled = played;
        while (closes.containsKey(settled)) {
            settled = settled.plusMonths(1);
        }
        // only what is settled by the audited period's end can reach its statements or their facts
        if (settled.isAfter(period)) {
            return;
        }
        String playedText = text(played);
        String settledText = text(settled);
        String territory = play.playedIn();
        String tier = play.tier();
        TrackShares shares = tracks.get(trackId);
        String contextType = play.contextType();
        boolean soughtOut = "SEARCH".equals(contextType) || "LIBRARY".equals(contextType);
        rows.stream(new ReplayRows.PlayKey(playedText, territory == null ? UNKNOWN_TERRITORY : territory,
                tier == null ? Plan.FREE.name() : tier, settledText, userId, trackId,
                shares == null ? 0 : shares.versionAt(startedAt), day, soughtOut));
        List<String> artists = play.artistIds();
        for (int i = 0; i < artists.size(); i++) {
            String artistId = artists.get(i);
            if (artists.indexOf(artistId) == i) {
                rows.artistStream(new ReplayRows.ArtistKey(playedText, settledText, artistId, userId));
            }
        }
    }

    /** The month as text, formatted once: a play's months are formatted for every key it makes. */
    private String text(YearMonth month) {
        return monthTexts.computeIfAbsent(month, YearMonth::toString);
    }

    /**
     * A catalog event's tracks as share versions: a version is added when a track's holders, roles or basis
     * points differ from its latest (none before the first holders are named), from the event's time but never
     * before the latest version's start. An event with a track or holder the catalog would not store is skipped
     * whole.
     */
    private void shareChanges(RawEvent event, List<JsonNode> specs, Instant at) {
        if (at == null) {
            skipped++;
            return;
        }
        List<Change> changes = new ArrayList<>(specs.size());
        for (JsonNode spec : specs) {
            String trackId = text(spec.get("trackId"));
            if (trackId == null) {
                skipped++;
                return;
            }
            List<String> parties = new ArrayList<>();
            List<Integer> points = new ArrayList<>();
            StringBuilder holders = new StringBuilder();
            for (JsonNode holder : iterable(spec.get("rightsHolders"))) {
                String party = text(holder.get("partyId"));
                String role = text(holder.get("role"));
                if (party == null || role == null || party.contains(SEPARATOR)) {
                    skipped++;
                    return;
                }
                int basisPoints = holder.path("shareBasisPoints").asInt();
                parties.add(party);
                points.add(basisPoints);
                holders.append(party).append(SEPARATOR).append(role).append(SEPARATOR).append(basisPoints)
                        .append('\n');
            }
            List<String> artists = new ArrayList<>();
            for (JsonNode artist : iterable(spec.get("artistIds"))) {
                if (artist.isTextual()) {
                    artists.add(artist.asText());
                }
            }
            changes.add(new Change(new ReplayRows.ShareVersion(trackId, 0, at, parties, points,
                    text(spec.get("isrc")), artists, event.globalIndex()), holders.toString()));
        }
        for (Change each : changes) {
            ReplayRows.ShareVersion change = each.version();
            String holders = each.holders();
            TrackShares track = tracks.get(change.trackId());
            if (track == null ? change.partyIds().isEmpty() : holders.equals(track.latestHolders)) {
                continue;
            }
            if (track == null) {
                track = new TrackShares();
                tracks.put(change.trackId(), track);
            }
            Instant from = track.starts.isEmpty() || !at.isBefore(track.starts.get(track.starts.size() - 1))
                    ? at : track.starts.get(track.starts.size() - 1);
            track.starts.add(from);
            track.latestHolders = holders;
            rows.share(new ReplayRows.ShareVersion(change.trackId(), track.starts.size(), from, change.partyIds(),
                    change.basisPoints(), change.isrc(), change.artistIds(), change.globalIndex()));
        }
    }

    /** A track's share list as an event names it, with its holders as one text to compare with the latest. */
    private record Change(ReplayRows.ShareVersion version, String holders) {
    }

    /** The latest declaration of each territory and tier before the period closed. */
    private void pool(RevenuePoolDeclared declared) {
        YearMonth month = month(declared.period());
        if (month == null || declared.territory() == null || declared.tier() == null || declared.currency() == null
                || closes.containsKey(month)) {
            skipped++;
            return;
        }
        pools.computeIfAbsent(month, m -> new TreeMap<>(java.util.Comparator.comparing(PoolKey::territory)
                        .thenComparing(PoolKey::tier)))
                .put(new PoolKey(declared.territory(), declared.tier()),
                        new Pool(declared.amountMinor(), declared.currency()));
    }

    private JsonNode tree(RawEvent event, String revision) throws IOException {
        if (!revision.equals(event.payloadRevision())) {
            throw unknownRevision(event);
        }
        return JSON.readTree(event.payload());
    }

    private <T> T value(RawEvent event, Class<T> type) throws IOException {
        if (!"1".equals(event.payloadRevision())) {
            throw unknownRevision(event);
        }
        return JSON.readValue(event.payload(), type);
    }

    private static IllegalStateException unknownRevision(RawEvent event) {
        return new IllegalStateException("event " + event.globalIndex() + ": " + event.payloadType()
                + " revision " + event.payloadRevision() + " is not known to the replay");
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        return instant(text(node));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return parseInstant(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * {@link Instant#parse} with a fast path for what Jackson writes ({@code 2026-11-21T12:00:00Z}, with up to nine
     * fraction digits): the time formatter is most of a play's parsing cost.
     */
    static Instant parseInstant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && n != 21 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(n - 1) == 'Z' && (n == 20 || text.charAt(19) == '.')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = n == 20 ? 0 : digits(text, 20, n - 1);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59 && fraction >= 0
                    && day <= YearMonth.of(year, month).lengthOfMonth()) {
                int nanos = fraction;
                for (int i = n - 1 - 20; i < 9 && n > 20; i++) {
                    nanos *= 10;
                }
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number of {@code text[from, to)}, or -1 when it holds anything but ASCII digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static YearMonth month(String period) {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    YearMonth period() {
        return period;
    }

    Map<YearMonth, Closed> closes() {
        return closes;
    }

    Map<Integer, RoyaltyRulesAdopted> rules() {
        return rules;
    }

    /** The pools of {@code month} as final at its close, ordered by territory then tier. */
    Map<PoolKey, Pool> pools(YearMonth month) {
        return pools.getOrDefault(month, Map.of());
    }

    List<Issued> issued() {
        return issued;
    }

    long eventsRead() {
        return eventsRead;
    }

    long countedStreams() {
        return countedStreams;
    }

    /** Events the catalog or the period aggregate would not have stored (a missing id or time): left out. */
    long skipped() {
        return skipped;
    }
}
