package io.musicstream.query.listening.analytics;

import io.musicstream.projections.listening.analytics.StreamAnalytics;
import io.musicstream.projections.listening.analytics.StreamAnalyticsProjection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The parameters of an analytics read, checked; a 400 naming the parameter otherwise. */
final class StreamsQuery {

    static final int MAX_DAYS = 366;
    static final int MAX_LIMIT = 1_000;
    static final int MAX_OFFSET = 1_000_000;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}");
    /** ISO 3166-1 alpha-2, XK (in use by the music trade) and XX, where plays of no known territory count. */
    private static final Set<String> TERRITORIES = Stream.concat(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(),
            Stream.of("XK", StreamAnalyticsProjection.UNKNOWN_TERRITORY)).collect(Collectors.toUnmodifiableSet());

    private StreamsQuery() {
    }

    static StreamAnalytics.Query of(String groupBy, String from, String to, String territory) {
        StreamAnalytics.GroupBy by = groupBy(groupBy);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw bad("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw bad("from and to span more than " + MAX_DAYS + " days; ask for a shorter range");
        }
        return new StreamAnalytics.Query(by, first, last, territory(territory));
    }

    static void page(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw bad("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw bad("offset must be between 0 and " + MAX_OFFSET);
        }
    }

    static String wireName(StreamAnalytics.GroupBy by) {
        return by.name().toLowerCase(Locale.ROOT);
    }

    private static StreamAnalytics.GroupBy groupBy(String value) {
        String names = Arrays.stream(StreamAnalytics.GroupBy.values()).map(StreamsQuery::wireName)
                .collect(Collectors.joining(", "));
        if (value == null) {
            throw bad("groupBy is required: one of " + names);
        }
        return Arrays.stream(StreamAnalytics.GroupBy.values()).filter(g -> wireName(g).equals(value)).findFirst()
                .orElseThrow(() -> bad("groupBy must be one of " + names));
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw bad(name + " is required: a UTC day as YYYY-MM-DD");
        }
        if (!DATE.matcher(value).matches()) {
            throw bad(name + " must be a UTC day as YYYY-MM-DD");
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1) {
                throw bad(name + " is not a day of the calendar");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw bad(name + " is not a day of the calendar");
        }
    }

    private static String territory(String value) {
        if (value == null) {
            return null;
        }
        if (!TERRITORY.matcher(value).matches() || !TERRITORIES.contains(value)) {
            throw bad("territory must be an ISO 3166-1 alpha-2 country code in capitals, such as SE, or XX for"
                    + " plays of no known territory");
        }
        return value;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
