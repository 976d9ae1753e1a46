package io.musicstream.query.royalty;

import io.musicstream.projections.royalty.statements.RoyaltyStatements.Line;
import io.musicstream.projections.royalty.statements.RoyaltyStatements.Statement;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A statement as a DDEX DSR-style flat file: a documented subset of the DSR basic audio profile (docs/royalties.md,
 * "The DSR flat file"). Tab-separated UTF-8 records, each ending with a line feed: {@code HEAD}, one {@code SY01}
 * summary per territory and currency, one {@code SU02} usage record per territory, currency, ISRC and commercial
 * model (all use type {@code OnDemandStream}; adjustment lines are added in), and {@code FOOT} with the counts.
 */
final class DsrFile {

    static final String MEDIA_TYPE = "application/vnd.ddex.dsr+tsv";
    static final String MESSAGE_VERSION = "dsrf-subset/1";
    static final String PROFILE = "BasicAudioProfile";
    static final String PROFILE_VERSION = "musicstream-1";
    static final String SENDER = "musicstream";
    static final String USE_TYPE = "OnDemandStream";
    /** Characters of the statement's digest that make the message id. */
    static final int MESSAGE_ID_LENGTH = 16;

    private DsrFile() {
    }

    private record SummaryKey(String territory, String currency) implements Comparable<SummaryKey> {
        @Override
        public int compareTo(SummaryKey o) {
            int c = territory.compareTo(o.territory);
            return c != 0 ? c : currency.compareTo(o.currency);
        }
    }

    private record UsageKey(String isrc, String commercialModel) implements Comparable<UsageKey> {
        @Override
        public int compareTo(UsageKey o) {
            int c = isrc.compareTo(o.isrc);
            return c != 0 ? c : commercialModel.compareTo(o.commercialModel);
        }
    }

    /** Streams and minor units summed; amounts in BigDecimal, since parts of a total may overflow a long. */
    private static final class Sums {
        long usages;
        BigDecimal amountMinor = BigDecimal.ZERO;

        void add(long streams, long amount) {
            usages = Math.addExact(usages, streams);
            amountMinor = amountMinor.add(BigDecimal.valueOf(amount));
        }
    }

    static String commercialModel(String tier) {
        return "PREMIUM".equals(tier) ? "SubscriptionModel" : "AdvertisementSupportedModel";
    }

    static String write(Statement statement) {
        TreeMap<SummaryKey, Sums> summaries = new TreeMap<>();
        TreeMap<SummaryKey, TreeMap<UsageKey, Sums>> usages = new TreeMap<>();
        for (Line line : statement.lines()) {
            SummaryKey summary = new SummaryKey(line.territory(), line.currency());
            summaries.computeIfAbsent(summary, k -> new Sums()).add(line.streams(), line.amountMinor());
            usages.computeIfAbsent(summary, k -> new TreeMap<>())
                    .computeIfAbsent(new UsageKey(line.isrc(), commercialModel(line.tier())), k -> new Sums())
                    .add(line.streams(), line.amountMinor());
        }
        YearMonth period = YearMonth.parse(statement.period());
        List<String> records = new ArrayList<>();
        records.add(record("HEAD", MESSAGE_VERSION, PROFILE, PROFILE_VERSION,
                statement.digest().substring(0, Math.min(MESSAGE_ID_LENGTH, statement.digest().length())),
                DateTimeFormatter.ISO_INSTANT.format(statement.issuedAt().truncatedTo(ChronoUnit.SECONDS)), "1", "1",
                period.atDay(1).toString(), period.atEndOfMonth().toString(), SENDER, statement.partyId()));
        int summaryId = 0;
        for (Map.Entry<SummaryKey, Sums> summary : summaries.entrySet()) {
            SummaryKey key = summary.getKey();
            records.add(record("SY01", String.valueOf(++summaryId), USE_TYPE, key.territory(), key.currency(),
                    String.valueOf(summary.getValue().usages), amount(summary.getValue().amountMinor, key.currency())));
        }
        summaryId = 0;
        int transactionId = 0;
        for (Map.Entry<SummaryKey, TreeMap<UsageKey, Sums>> summary : usages.entrySet()) {
            SummaryKey key = summary.getKey();
            summaryId++;
            for (Map.Entry<UsageKey, Sums> usage : summary.getValue().entrySet()) {
                records.add(record("SU02", String.valueOf(summaryId), String.valueOf(++transactionId),
                        usage.getKey().isrc(), usage.getKey().commercialModel(), USE_TYPE, key.territory(),
                        String.valueOf(usage.getValue().usages), amount(usage.getValue().amountMinor, key.currency()),
                        key.currency()));
            }
        }
        records.add(record("FOOT", String.valueOf(records.size() + 1), String.valueOf(summaries.size()),
                String.valueOf(transactionId)));
        return String.join("", records);
    }

    /** Minor units as a decimal with the currency's minor digits: 360000 DKK is 3600.00, -15 is -0.15. */
    static String amount(BigDecimal amountMinor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return amountMinor.movePointLeft(digits).setScale(digits).toPlainString();
    }

    private static String record(String... cells) {
        return String.join("\t", cells) + "\n";
    }
}
