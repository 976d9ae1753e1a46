package io.musicstream.benchmarks;

import io.musicstream.command.catalog.CatalogIds;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.TakeDownTrack;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.infra.catalog.imports.CatalogImporter;
import io.musicstream.command.catalog.web.CatalogLine;
import io.musicstream.projections.catalog.search.CatalogIndex;
import io.musicstream.projections.catalog.search.CatalogIndexRebuild;
import io.musicstream.projections.catalog.search.CatalogSearch;
import io.musicstream.projections.catalog.search.SearchText;
import io.musicstream.tools.catalog.SyntheticCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;

/**
 * Catalog search on a synthetic catalog: ingest rate, how fast the live projection indexes it, search and
 * suggest latency at many concurrent clients against a PostgreSQL pg_trgm baseline on the same data (same
 * run, interleaved rounds), index rebuild rate from event replay, and freshness of ingests and takedowns.
 */
final class SearchBenchmark {

    private static final List<String> ALL_KINDS = List.of("track", "album", "artist");
    private final ApplicationContext context;
    private final CatalogSearch search;
    private final ElasticsearchClient elasticsearch;
    private final TrigramBaseline baseline;
    private final CommandGateway commands;

    SearchBenchmark(ApplicationContext context) {
        this.context = context;
        this.search = context.getBean(CatalogSearch.class);
        this.elasticsearch = context.getBean(ElasticsearchClient.class);
        this.baseline = new TrigramBaseline(context.getBean(DataSource.class));
        this.commands = context.getBean(CommandGateway.class);
    }

    List<String> run(long tracks, long seed, int clients, int rounds, int queryCount, int baselineCount)
            throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "catalog search, synthetic catalog of %,d tracks (seed %d), %d clients:",
                tracks, seed, clients));

        long t0 = System.nanoTime();
        CatalogImporter.Totals totals = BenchCatalog.imported(context, tracks, seed);
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        report.add(String.format(Locale.ROOT, "  ingest (commands, %,d releases):  %,.0f tracks/s  (%.1f s, %d failed)",
                totals.releases(), totals.tracks() / ingestSeconds, ingestSeconds, totals.failed()));
        Benchmarks.waitFor(() -> indexedTracks() >= totals.tracks(), 1_800);
        double searchableSeconds = (System.nanoTime() - t0) / 1e9;
        report.add(String.format(Locale.ROOT, "  all searchable after:            %.1f s from the start of the ingest "
                + "(%,.0f tracks/s through the live projection)", searchableSeconds, totals.tracks() / searchableSeconds));

        List<String> queries = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        loadBaselineAndSampleQueries(tracks, seed, queryCount, queries, prefixes);
        System.out.printf(Locale.ROOT, "baseline loaded; %d search and %d suggest queries%n", queries.size(), prefixes.size());

        List<Latencies> esSearch = new ArrayList<>();
        List<Latencies> pgSearch = new ArrayList<>();
        List<Latencies> esSuggest = new ArrayList<>();
        List<Latencies> pgSuggest = new ArrayList<>();
        List<Double> searchRatio = new ArrayList<>();
        List<Double> suggestRatio = new ArrayList<>();
        Latencies.measure(queries.subList(0, Math.min(500, queries.size())), clients,
                q -> search.search(q, ALL_KINDS, CatalogSearch.Filters.NONE, 20, 0));
        // the baseline gets slow on large catalogs: it runs the first queries of the same list, spread evenly
        List<String> baselineQueries = spread(queries, baselineCount);
        List<String> baselinePrefixes = spread(prefixes, baselineCount);
        Latencies.measure(baselineQueries.subList(0, Math.min(clients, baselineQueries.size())), clients,
                q -> baseline.search(SearchText.fold(q)));
        for (int round = 1; round <= rounds; round++) {
            Latencies es = Latencies.measure(queries, clients, q -> search.search(q, ALL_KINDS, CatalogSearch.Filters.NONE, 20, 0));
            Latencies pg = Latencies.measure(baselineQueries, clients, q -> baseline.search(SearchText.fold(q)));
            Latencies esS = Latencies.measure(prefixes, clients, q -> search.suggest(q, 10));
            Latencies pgS = Latencies.measure(baselinePrefixes, clients, q -> baseline.suggest(SearchText.fold(q)));
            esSearch.add(es);
            pgSearch.add(pg);
            esSuggest.add(esS);
            pgSuggest.add(pgS);
            searchRatio.add(pg.p95() / es.p95());
            suggestRatio.add(pgS.p95() / esS.p95());
            System.out.printf(Locale.ROOT, "round %d: search ES %s | pg_trgm %s%n         suggest ES %s | pg_trgm %s%n",
                    round, es, pg, esS, pgS);
        }
        report.add("  search  (all three kinds, with totals), Elasticsearch: " + Latencies.median(esSearch));
        report.add("  search  pg_trgm baseline (top 20 per kind, no totals): " + Latencies.median(pgSearch)
                + "  [" + baselineQueries.size() + " of the queries]");
        report.add(String.format(Locale.ROOT, "  search  p95 baseline/Elasticsearch:                 %.1fx",
                Benchmarks.median(searchRatio)));
        report.add("  suggest Elasticsearch completion:                       " + Latencies.median(esSuggest));
        report.add("  suggest pg_trgm prefix baseline:                        " + Latencies.median(pgSuggest)
                + "  [" + baselinePrefixes.size() + " of the prefixes]");
        report.add(String.format(Locale.ROOT, "  suggest p95 baseline/Elasticsearch:                 %.1fx",
                Benchmarks.median(suggestRatio)));

        List<String> sample = queries.subList(0, Math.min(300, queries.size()));
        List<String> samplePrefixes = prefixes.subList(0, Math.min(300, prefixes.size()));
        report.add("  one client at a time, search:                           "
                + Latencies.measure(sample, 1, q -> search.search(q, ALL_KINDS, CatalogSearch.Filters.NONE, 20, 0)));
        report.add("  one client at a time, suggest:                          "
                + Latencies.measure(samplePrefixes, 1, q -> search.suggest(q, 10)));

        report.add(freshness());

        CatalogIndexRebuild rebuild = context.getBean(CatalogIndexRebuild.class);
        rebuild.start();
        Benchmarks.waitFor(() -> rebuild.progress().finishedAt() != null, 3_600);
        CatalogIndexRebuild.Progress done = rebuild.progress();
        report.add(String.format(Locale.ROOT, "  index rebuild by replay:          %,.0f tracks/s  (%,d tracks, %,d events, %.1f s, %s)",
                done.tracksPerSecond(), done.tracksIndexed(), done.eventsRead(), done.seconds(), done.state()));
        return report;
    }

    /** Median time from a command's success to the change being visible in search, over 15 ingests and takedowns. */
    private String freshness() throws InterruptedException {
        List<Double> ingest = new ArrayList<>();
        List<Double> takedown = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String title = "freshness probe " + Long.toString(System.nanoTime(), 36);
            String upc = String.format(Locale.ROOT, "77%012d", System.nanoTime() % 1_000_000_000_000L);
            String isrc = String.format(Locale.ROOT, "QZFRS%07d", i + (System.nanoTime() / 1000) % 9_000_000);
            String artistId = firstArtist();
            TrackSpec track = new TrackSpec(CatalogIds.trackId(upc, isrc), isrc, title, 200_000, 1, 1,
                    false, List.of(artistId), null, List.of("WW"),
                    List.of(new RightsShare("p", "P", io.musicstream.events.catalog.RightsRole.RECORDING_OWNER, 10_000)));
            String releaseId = CatalogIds.releaseId(upc);
            commands.sendAndWait(new IngestRelease(releaseId, upc, title, io.musicstream.events.catalog.ReleaseType.SINGLE,
                    List.of(artistId), "L", java.time.LocalDate.of(2026, 1, 1), List.of(), null, List.of(track),
                    Instant.now()));
            long t0 = System.nanoTime();
            Benchmarks.waitFor(() -> found(title), 30);
            ingest.add((System.nanoTime() - t0) / 1e6);
            commands.sendAndWait(new TakeDownTrack(releaseId, track.trackId(), List.of(), "probe", Instant.now()));
            long t1 = System.nanoTime();
            Benchmarks.waitFor(() -> !found(title), 30);
            takedown.add((System.nanoTime() - t1) / 1e6);
        }
        return String.format(Locale.ROOT, "  freshness (median of 15): ingest searchable after %.0f ms, takedown gone after %.0f ms",
                Benchmarks.median(ingest), Benchmarks.median(takedown));
    }

    private String firstArtist() {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select artist_id from catalog_artist limit 1", String.class);
    }

    private boolean found(String title) {
        return search.search(title, List.of("track"), CatalogSearch.Filters.NONE, 5, 0).get("track").items().stream()
                .anyMatch(h -> title.equals(h.name()));
    }

    private long indexedTracks() {
        try {
            return elasticsearch.count(c -> c.index(CatalogIndex.ALIAS).query(q -> q.term(t -> t.field("kind").value("track"))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the same documents into the pg_trgm table and picks queries of four kinds from the catalog. */
    private void loadBaselineAndSampleQueries(long tracks, long seed, int queryCount, List<String> queries,
                                              List<String> prefixes) {
        baseline.create();
        Map<String, String> artistNames = new HashMap<>();
        long every = Math.max(1, tracks / Math.max(1, queryCount / 4));
        long[] seen = {0};
        try (Stream<CatalogLine> lines = SyntheticCatalog.lines(seed, tracks)) {
            lines.forEach(line -> {
                if (line instanceof CatalogLine.Artist artist) {
                    artistNames.put(artist.artistId(), artist.name());
                    String folded = SearchText.fold(artist.name());
                    baseline.add("artist", artist.artistId(), folded, artist.name(), folded);
                } else if (line instanceof CatalogLine.Release release) {
                    IngestReleaseRequest r = release.release();
                    String artists = String.join(" ", r.artistIds().stream().map(id -> artistNames.getOrDefault(id, "")).toList());
                    String album = SearchText.fold(r.title());
                    baseline.add("album", CatalogIds.releaseId(r.upc()), album, r.title(),
                            album + " " + SearchText.fold(artists));
                    for (TrackRequest t : r.tracks()) {
                        String trackArtists = t.artistIds() == null || t.artistIds().isEmpty() ? artists
                                : String.join(" ", t.artistIds().stream().map(id -> artistNames.getOrDefault(id, "")).toList());
                        String name = SearchText.fold(t.title());
                        baseline.add("track", CatalogIds.trackId(r.upc(), t.isrc()), name, t.title(),
                                name + " " + SearchText.fold(trackArtists) + " " + album);
                        if (seen[0]++ % every == 0 && queries.size() < queryCount) {
                            queries.addAll(variants(t.title(), trackArtists));
                            prefixes.add(t.title().substring(0, Math.min(t.title().length(), 3 + (int) (seen[0] % 5))));
                        }
                    }
                }
            });
        }
        baseline.index();
    }

    private static List<String> spread(List<String> all, int count) {
        if (all.size() <= count) {
            return all;
        }
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(all.get((int) ((long) i * all.size() / count)));
        }
        return picked;
    }

    /** The title as typed, with a typo, as a prefix, and as artist word plus title word. */
    static List<String> variants(String title, String artists) {
        String typo = title;
        int at = title.length() / 2;
        if (title.length() >= 5 && Character.isLetter(title.charAt(at)) && Character.isLetter(title.charAt(at + 1))) {
            typo = title.substring(0, at) + title.charAt(at + 1) + title.charAt(at) + title.substring(at + 2);
        }
        String prefix = title.substring(0, Math.min(title.length(), 5));
        String artistWord = artists.isBlank() ? "" : artists.split("\\s+")[0];
        String titleWord = title.split("\\s+")[0];
        return List.of(title, typo, prefix, (artistWord + " " + titleWord).strip());
    }
}
