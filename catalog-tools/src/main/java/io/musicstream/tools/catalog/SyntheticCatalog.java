package io.musicstream.tools.catalog;

import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.RightsShareRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.command.catalog.web.CatalogJson;
import io.musicstream.command.catalog.web.CatalogLine;
import io.musicstream.tools.catalog.Words.Genre;
import io.musicstream.tools.catalog.Words.Language;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic synthetic catalog for demos and benchmarks, in the catalog import format (artists before
 * the releases that name them; see {@link io.musicstream.infra.catalog.imports}). The same seed and size
 * always give the same lines, byte for byte, on any JDK: numbers come from {@link SplitMix64} and only
 * integer arithmetic shapes them.
 *
 * <p>Sized by track count: releases are singles (1–3 tracks), EPs (4–6), albums (8–18) and compilations
 * (16–34, two discs past 20), about 9.5 tracks per release; about one new artist per 8 releases, with
 * some artists far more prolific than others. Names and titles come from word lists in twenty-one
 * languages and eleven scripts; each artist has a language, a main genre (of ~47) whose audio profile
 * their tracks are drawn around, and a career within 1950–2026. Every release meets the release rules:
 * a valid unique UPC (EAN-13 with check digit), unique ISRCs ({@code CCXXXYYNNNNN}), positive durations,
 * territories (mostly {@code WW}, some regional lists) and rights holders whose basis points sum to 10,000.
 * It streams: memory stays constant whatever the size.
 *
 * <pre>
 * java -cp infra/target/music-streaming.jar -Dloader.main=io.musicstream.tools.catalog.SyntheticCatalog \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --tracks=1000000 --seed=42 --out=.run/catalog-1m.jsonl
 * </pre>
 * {@code --out=-} writes to standard output (to pipe into the import command line).
 */
public final class SyntheticCatalog implements Iterator<CatalogLine> {

    private static final int LABELS = 240;
    private static final int PUBLISHERS = 160;
    /** EAN-13 serials: 9 digits, scrambled by a multiplier coprime with 10, so that UPCs stay unique. */
    private static final long UPC_SERIALS = 1_000_000_000L;
    private static final long UPC_MULTIPLIER = 738_219_483L;
    /** ISRC blocks: 40 designation codes per release, so that a release's ISRCs are consecutive. */
    private static final int ISRC_BLOCK = 40;
    private static final long ISRC_BLOCKS = 46_656L * 100_000L / ISRC_BLOCK;
    private static final long ISRC_MULTIPLIER = 2_654_435_761L;
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int FIRST_YEAR = 1950;
    private static final int LAST_YEAR = 2026;

    private final long seed;
    private final long targetTracks;
    private final SplitMix64 random;
    private final Party[] labels = new Party[LABELS];
    private final Party[] publishers = new Party[PUBLISHERS];
    private final String upcPrefix;
    private final long upcOffset;
    private final long isrcOffset;
    private final ArrayDeque<CatalogLine> pending = new ArrayDeque<>();
    private long tracks;
    private long releases;
    private long artists;

    /** What a generated catalog holds. */
    public record Summary(long artists, long releases, long tracks, long bytes) {
    }

    private record Party(String id, String name, Language language, String country) {
    }

    private record Artist(long index, String id, String name, Language language, Genre genre, int careerStart,
                          int careerEnd, int label, int publisher) {
    }

    public SyntheticCatalog(long seed, long tracks) {
        if (tracks < 0) {
            throw new IllegalArgumentException("tracks must not be negative");
        }
        this.seed = seed;
        this.targetTracks = tracks;
        this.random = SplitMix64.of(seed, "catalog", 0);
        for (int i = 0; i < LABELS; i++) {
            SplitMix64 r = SplitMix64.of(seed, "label", i);
            Language language = language(r);
            labels[i] = new Party(String.format(Locale.ROOT, "syn-label-%03d", i),
                    (capitalized(r.pick(language.words())) + " " + r.pick(language.labelSuffixes())).strip(),
                    language, r.pick(language.countries()));
        }
        for (int i = 0; i < PUBLISHERS; i++) {
            SplitMix64 r = SplitMix64.of(seed, "publisher", i);
            Language language = language(r);
            String name = switch (r.nextInt(3)) {
                case 0 -> r.pick(language.family()) + " Publishing";
                case 1 -> "Edition " + capitalized(r.pick(language.words()));
                default -> capitalized(r.pick(Words.ENGLISH.words())) + " Songs";
            };
            publishers[i] = new Party(String.format(Locale.ROOT, "syn-pub-%03d", i), name, language,
                    r.pick(language.countries()));
        }
        SplitMix64 ids = SplitMix64.of(seed, "ids", 0);
        this.upcPrefix = Long.toString(100 + Math.floorMod(seed, 900L));
        this.upcOffset = Math.floorMod(ids.nextLong(), UPC_SERIALS);
        this.isrcOffset = Math.floorMod(ids.nextLong(), ISRC_BLOCKS);
    }

    /** The catalog's lines, generated as they are consumed. */
    public static Stream<CatalogLine> lines(long seed, long tracks) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new SyntheticCatalog(seed, tracks),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** A small catalog in memory, for tests. */
    public static List<CatalogLine> generate(long seed, int tracks) {
        return lines(seed, tracks).toList();
    }

    /** Writes the catalog as JSON lines (UTF-8, one {@code \n} after each line); does not close {@code out}. */
    public static Summary write(long seed, long tracks, OutputStream out) throws IOException {
        CountingStream counted = new CountingStream(out);
        SyntheticCatalog catalog = new SyntheticCatalog(seed, tracks);
        Writer writer = new OutputStreamWriter(new BufferedOutputStream(counted, 1 << 20), StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(16 * 1024);
        while (catalog.hasNext()) {
            line.setLength(0);
            CatalogJson.write(catalog.next(), line);
            line.append('\n');
            writer.append(line);
        }
        writer.flush();
        return new Summary(catalog.artists, catalog.releases, catalog.tracks, counted.count);
    }

    @Override
    public boolean hasNext() {
        if (pending.isEmpty() && tracks < targetTracks) {
            nextRelease();
        }
        return !pending.isEmpty();
    }

    @Override
    public CatalogLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }

    private void nextRelease() {
        SplitMix64 r = random;
        long remaining = targetTracks - tracks;
        ReleaseType type;
        int size;
        double kind = r.nextDouble();
        if (kind < 0.30) {
            type = ReleaseType.SINGLE;
            size = r.chance(0.4) ? 1 : r.chance(0.67) ? 2 : 3;
        } else if (kind < 0.50) {
            type = ReleaseType.EP;
            size = r.between(4, 6);
        } else if (kind < 0.88) {
            type = ReleaseType.ALBUM;
            size = r.between(8, 18);
        } else {
            type = ReleaseType.COMPILATION;
            size = r.between(16, 34);
        }
        if (size > remaining) {
            size = (int) remaining;
            if (type != ReleaseType.COMPILATION) {
                type = size <= 3 ? ReleaseType.SINGLE : size <= 6 ? ReleaseType.EP : ReleaseType.ALBUM;
            }
        }
        long serial = releases++;

        List<Artist> trackArtists = new ArrayList<>(size);
        Artist primary;
        if (type == ReleaseType.COMPILATION) {
            int distinct = Math.min(size, r.between(3, 8));
            List<Artist> pool = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                pool.add(artists < 2 * distinct ? newArtist() : existingArtist(r));
            }
            for (int i = 0; i < size; i++) {
                trackArtists.add(pool.get(i < distinct ? i : r.nextInt(distinct)));
            }
            primary = pool.get(0);
        } else {
            primary = artists == 0 || r.chance(1.0 / 8) ? newArtist() : existingArtist(r);
            for (int i = 0; i < size; i++) {
                trackArtists.add(primary);
            }
        }
        Language language = r.chance(0.8) ? primary.language() : Words.ENGLISH;
        int year = type == ReleaseType.COMPILATION
                ? LAST_YEAR - (int) (40 * r.nextDouble() * r.nextDouble())
                : r.between(primary.careerStart(), primary.careerEnd());
        LocalDate date = LocalDate.of(year, r.between(1, 12), r.between(1, 28));
        Party label = labels[r.chance(0.8) ? primary.label() : r.nextInt(LABELS)];
        String upc = upc(serial);

        Set<String> genreSet = new LinkedHashSet<>();
        genreSet.add(primary.genre().name());
        int extraGenres = r.chance(0.6) ? 0 : r.chance(0.75) ? 1 : 2;
        for (int i = 0; i < extraGenres; i++) {
            genreSet.add(r.pick(Words.GENRES).name());
        }
        List<String> territories = territories(r, primary.language());
        List<RightsShareRequest> rights = rights(r, label, publishers[primary.publisher()], null);

        long isrcBase = Math.floorMod(serial * ISRC_MULTIPLIER + isrcOffset, ISRC_BLOCKS) * ISRC_BLOCK;
        String isrcCountry = label.country();
        int discOneSize = size > 20 ? (size + 1) / 2 : size;
        Set<String> releaseArtistIds = new LinkedHashSet<>();
        List<TrackRequest> trackList = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Artist artist = trackArtists.get(i);
            releaseArtistIds.add(artist.id());
            Artist featured = type != ReleaseType.COMPILATION && artists > 1 && r.chance(0.08)
                    ? existingArtist(r) : null;
            if (featured != null && featured.id().equals(artist.id())) {
                featured = null;
            }
            String title = title(r, r.chance(0.85) ? artist.language() : Words.ENGLISH, 1, 4);
            if (featured != null) {
                title += " (feat. " + featured.name() + ")";
            } else if (r.chance(0.04)) {
                title += " (" + r.pick(Words.VERSIONS) + ")";
            }
            List<String> artistIds = null;
            if (type == ReleaseType.COMPILATION) {
                artistIds = List.of(artist.id());
            } else if (featured != null) {
                artistIds = List.of(artist.id(), featured.id());
            }
            Genre genre = r.chance(0.85) ? artist.genre() : Words.genre(r.pick(genreSet.toArray(String[]::new)));
            List<String> trackTerritories = territories;
            if (i == size - 1 && size > 4 && territories.equals(List.of("WW")) && r.chance(0.03)) {
                trackTerritories = List.of(r.pick(artist.language().countries())); // a regional bonus track
            }
            List<RightsShareRequest> trackRights = featured != null && r.chance(0.5)
                    ? rights(r, label, publishers[artist.publisher()], publishers[featured.publisher()])
                    : type == ReleaseType.COMPILATION
                    ? rights(r, labels[artist.label()], publishers[artist.publisher()], null)
                    : rights;
            trackList.add(new TrackRequest(isrc(isrcCountry, year, isrcBase + i), title, durationMs(r, genre),
                    i < discOneSize ? 1 : 2, i < discOneSize ? i + 1 : i - discOneSize + 1,
                    r.chance(genre.explicitPerMille() / 1000.0), artistIds, features(r, genre), trackTerritories,
                    trackRights));
        }
        String title = switch (type) {
            case SINGLE -> trackList.get(0).title();
            case COMPILATION -> {
                String t = capitalizedWords(primary.genre().name()) + " " + r.pick(Words.COMPILATION_TITLES);
                yield r.chance(0.3) ? t + " Vol. " + r.between(2, 9) : t;
            }
            default -> r.chance(0.08) ? primary.name() : title(r, language, 1, 3);
        };
        List<String> releaseArtists = type == ReleaseType.COMPILATION
                ? releaseArtistIds.stream().limit(4).toList() : List.of(primary.id());
        pending.add(new CatalogLine.Release(new IngestReleaseRequest(upc, title, type, releaseArtists, label.name(),
                date, List.copyOf(genreSet), "https://img.musicstream.example/artwork/" + upc + ".jpg", trackList)));
        tracks += size;
    }

    /** A new artist, announced by an artist line before the release that names it. */
    private Artist newArtist() {
        Artist artist = artist(artists++);
        pending.add(new CatalogLine.Artist(artist.id(), artist.name()));
        return artist;
    }

    /** An artist already announced; early artists are picked more often (some are far more prolific). */
    private Artist existingArtist(SplitMix64 r) {
        double u = r.nextDouble();
        if (r.chance(0.4)) {
            u = u * Math.sqrt(u);
        }
        return artist(Math.min(artists - 1, (long) (u * artists)));
    }

    /** Artist {@code index}, the same whenever asked: everything about it derives from the seed and index. */
    private Artist artist(long index) {
        SplitMix64 r = SplitMix64.of(seed, "artist", index);
        Language language = language(r);
        Genre genre = r.chance(0.6) ? Words.genre(r.pick(language.genres())) : r.pick(Words.GENRES);
        String name = artistName(r, language);
        double u = r.nextDouble();
        int start = LAST_YEAR - (int) ((LAST_YEAR - FIRST_YEAR) * u * (1 + u) / 2);
        int end = Math.min(LAST_YEAR, start + r.between(1, 35));
        int label = r.nextInt(LABELS);
        for (int tries = 0; tries < 20 && labels[label].language() != language; tries++) {
            label = r.nextInt(LABELS);
        }
        String id = UUID.nameUUIDFromBytes(("synthetic-artist:" + seed + ":" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Artist(index, id, name, language, genre, start, end, label, r.nextInt(PUBLISHERS));
    }

    private static Language language(SplitMix64 r) {
        int x = r.nextInt(Words.TOTAL_LANGUAGE_WEIGHT);
        for (Language language : Words.LANGUAGES) {
            x -= language.weight();
            if (x < 0) {
                return language;
            }
        }
        return Words.ENGLISH;
    }

    private static String artistName(SplitMix64 r, Language l) {
        double kind = r.nextDouble();
        if (kind < 0.5) {
            return l.familyFirst()
                    ? r.pick(l.family()) + l.nameJoiner() + r.pick(l.given())
                    : r.pick(l.given()) + l.nameJoiner() + r.pick(l.family());
        }
        if (kind < 0.75) {
            String band = title(r, l, 1, 2);
            return l == Words.ENGLISH ? "The " + band : band;
        }
        if (kind < 0.9) {
            return r.chance(0.5) ? r.pick(l.given()) : capitalized(r.pick(l.words()));
        }
        return r.pick(l.given()) + " & " + (l == Words.ENGLISH ? "The " : "") + title(r, l, 1, 2);
    }

    private static String title(SplitMix64 r, Language l, int minWords, int maxWords) {
        int count = r.between(minWords, maxWords);
        StringBuilder title = new StringBuilder();
        String previous = null;
        for (int i = 0; i < count; i++) {
            String word = r.pick(l.words());
            if (word.equals(previous)) {
                continue;
            }
            if (title.length() > 0) {
                title.append(l.wordJoiner());
            }
            title.append(i == 0 || l.titleCase() ? capitalized(word) : word);
            previous = word;
        }
        return title.toString();
    }

    private static String capitalized(String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = word.codePointAt(0);
        int upper = Character.toUpperCase(first);
        return upper == first ? word : new StringBuilder().appendCodePoint(upper)
                .append(word, Character.charCount(first), word.length()).toString();
    }

    private static String capitalizedWords(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(capitalized(word));
        }
        return out.toString();
    }

    private static List<String> territories(SplitMix64 r, Language language) {
        if (r.chance(0.85)) {
            return List.of("WW");
        }
        String[] regional = language.territories();
        int count = r.between(1, regional.length);
        return List.copyOf(Arrays.asList(regional).subList(0, count));
    }

    /**
     * The label owns the recording (50–85%); one to three publishers share the rest, all in steps of 0.5%,
     * so the shares always sum to exactly 10,000 basis points.
     */
    private List<RightsShareRequest> rights(SplitMix64 r, Party label, Party publisher, Party coPublisher) {
        int owner = 50 * r.between(100, 170);
        int rest = 10_000 - owner;
        List<RightsShareRequest> shares = new ArrayList<>(4);
        shares.add(new RightsShareRequest(label.id(), label.name(), RightsRole.RECORDING_OWNER, owner));
        if (coPublisher != null && !coPublisher.id().equals(publisher.id())) {
            int cut = 50 * r.between(1, rest / 50 - 1);
            shares.add(new RightsShareRequest(publisher.id(), publisher.name(), RightsRole.PUBLISHER, cut));
            shares.add(new RightsShareRequest(coPublisher.id(), coPublisher.name(), RightsRole.PUBLISHER, rest - cut));
            return shares;
        }
        if (r.chance(0.7)) {
            shares.add(new RightsShareRequest(publisher.id(), publisher.name(), RightsRole.PUBLISHER, rest));
        } else {
            int cut = 50 * r.between(1, rest / 50 - 1);
            Party other = publishers[r.nextInt(PUBLISHERS)];
            if (other.id().equals(publisher.id())) {
                shares.add(new RightsShareRequest(publisher.id(), publisher.name(), RightsRole.PUBLISHER, rest));
            } else {
                shares.add(new RightsShareRequest(publisher.id(), publisher.name(), RightsRole.PUBLISHER, cut));
                shares.add(new RightsShareRequest(other.id(), other.name(), RightsRole.PUBLISHER, rest - cut));
            }
        }
        return shares;
    }

    private static long durationMs(SplitMix64 r, Genre genre) {
        return r.around(genre.seconds(), genre.seconds() / 3, 45, 1_500) * 1000L + r.nextInt(1000);
    }

    /** Features around the genre's profile; 0..1 values in thousandths, tempo and loudness in tenths. */
    private static AudioFeatures features(SplitMix64 r, Genre g) {
        int energy = r.around(g.energy(), 150, 0, 1000);
        return new AudioFeatures(
                r.around(g.tempo() * 10, 150, 400, 2200) / 10.0,
                energy / 1000.0,
                r.around(g.valence(), 200, 0, 1000) / 1000.0,
                r.around(g.danceability(), 150, 0, 1000) / 1000.0,
                r.around(g.acousticness(), 150, 0, 1000) / 1000.0,
                r.around(g.instrumentalness(), 150, 0, 1000) / 1000.0,
                -r.around(40 + (1000 - energy) * 160 / 1000, 25, 15, 600) / 10.0);
    }

    /** EAN-13: a prefix from the seed, a scrambled 9-digit serial, and the check digit. */
    private String upc(long serial) {
        long scrambled = Math.floorMod(serial * UPC_MULTIPLIER + upcOffset, UPC_SERIALS);
        String digits = upcPrefix + String.format(Locale.ROOT, "%09d", scrambled);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** {@code CC XXX YY NNNNN}: country, registrant and designation code from a unique serial, year of the release. */
    private static String isrc(String country, int year, long serial) {
        long registrant = serial / 100_000;
        char[] code = {
                BASE36.charAt((int) (registrant / (36 * 36) % 36)),
                BASE36.charAt((int) (registrant / 36 % 36)),
                BASE36.charAt((int) (registrant % 36))};
        return country + new String(code) + String.format(Locale.ROOT, "%02d%05d", year % 100, serial % 100_000);
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** {@code --tracks=N --seed=S --out=FILE} ({@code --out=-} for standard output). */
    public static void main(String[] args) throws IOException {
        long count = Long.parseLong(arg(args, "--tracks=", "1000000").replace("_", ""));
        long seed = Long.parseLong(arg(args, "--seed=", "42"));
        String out = arg(args, "--out=", ".run/catalog-" + count + "-" + seed + ".jsonl");
        long t0 = System.nanoTime();
        Summary summary;
        if (out.equals("-")) {
            summary = write(seed, count, System.out);
            System.out.flush();
        } else {
            Path path = Path.of(out);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            try (OutputStream file = Files.newOutputStream(path)) {
                summary = write(seed, count, file);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "synthetic catalog (seed %d): %,d artists, %,d releases, %,d tracks, %,d bytes"
                        + " in %.2f s (%,.0f tracks/s) -> %s%n", seed, summary.artists(), summary.releases(),
                summary.tracks(), summary.bytes(), seconds, summary.tracks() / seconds, out);
    }

    private static String arg(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> a.substring(prefix.length())).orElse(fallback);
    }
}
