package io.musicstream.tools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.catalog.ArtistDirectory;
import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.Release;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.RightsShareRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.command.catalog.web.CatalogLine;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class SyntheticCatalogTest {

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        byte[] first = bytes(42, 5_000);
        byte[] again = bytes(42, 5_000);
        byte[] other = bytes(43, 5_000);

        assertThat(first).isEqualTo(again);
        assertThat(sha256(first)).isNotEqualTo(sha256(other));
        assertThat(new String(first, StandardCharsets.UTF_8)).endsWith("\n");
    }

    @Test
    void everyCatalogHasExactlyTheTracksAskedFor() {
        for (int tracks : new int[] {1, 7, 200, 2_345}) {
            long count = SyntheticCatalog.generate(5, tracks).stream()
                    .filter(l -> l instanceof CatalogLine.Release)
                    .mapToLong(l -> ((CatalogLine.Release) l).release().tracks().size()).sum();
            assertThat(count).as("tracks in a catalog of %d", tracks).isEqualTo(tracks);
        }
        assertThat(SyntheticCatalog.generate(5, 0)).isEmpty();
    }

    @Test
    void everyReleaseMeetsTheReleaseRulesAndNamesOnlyArtistsAnnouncedBeforeIt() {
        Set<String> announced = new HashSet<>();
        Set<String> upcs = new HashSet<>();
        Set<String> isrcs = new HashSet<>();
        Map<ReleaseType, Integer> types = new EnumMap<>(ReleaseType.class);
        int releases = 0;
        int tracks = 0;
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        for (CatalogLine line : (Iterable<CatalogLine>) SyntheticCatalog.lines(7, 100_000)::iterator) {
            if (line instanceof CatalogLine.Artist artist) {
                assertThat(announced.add(artist.artistId())).as("artist announced once").isTrue();
                assertThat(artist.name()).isNotBlank().hasSizeLessThanOrEqualTo(300);
                continue;
            }
            IngestReleaseRequest release = ((CatalogLine.Release) line).release();
            releases++;
            types.merge(release.releaseType(), 1, Integer::sum);
            assertThat(validator.validate(release)).as("bean validation of %s", release.upc()).isEmpty();
            assertThat(release.upc()).matches("\\d{12,14}");
            assertThat(ean13CheckDigitHolds(release.upc())).as("check digit of %s", release.upc()).isTrue();
            assertThat(upcs.add(release.upc())).as("UPC %s unique", release.upc()).isTrue();
            assertThat(announced).containsAll(release.artistIds());
            assertThat(release.releaseDate().getYear()).isBetween(1950, 2026);
            assertThat(release.genres()).isNotEmpty().doesNotHaveDuplicates();
            Set<String> positions = new HashSet<>();
            for (TrackRequest track : release.tracks()) {
                tracks++;
                assertThat(track.isrc()).matches("[A-Z]{2}[A-Z0-9]{3}\\d{7}");
                assertThat(isrcs.add(track.isrc())).as("ISRC %s unique", track.isrc()).isTrue();
                assertThat(positions.add(track.discNumber() + "/" + track.trackNumber())).isTrue();
                assertThat(track.durationMs()).isPositive();
                assertThat(track.territories()).isNotEmpty().allMatch(t -> t.matches("[A-Z]{2}"));
                assertThat(track.rightsHolders().stream().mapToInt(RightsShareRequest::shareBasisPoints).sum())
                        .as("shares of %s", track.isrc()).isEqualTo(10_000);
                assertThat(track.rightsHolders()).allMatch(s -> s.shareBasisPoints() > 0 && s.role() != null);
                if (track.artistIds() != null) {
                    assertThat(announced).containsAll(track.artistIds());
                }
                var f = track.audioFeatures();
                assertThat(f.tempo()).isBetween(40.0, 220.0);
                assertThat(List.of(f.energy(), f.valence(), f.danceability(), f.acousticness(), f.instrumentalness()))
                        .allMatch(v -> v >= 0 && v <= 1);
                assertThat(f.loudness()).isBetween(-60.0, 0.0);
            }
        }
        assertThat(tracks).isEqualTo(100_000);
        assertThat((double) tracks / releases).as("tracks per release").isBetween(8.0, 12.0);
        assertThat((double) releases / announced.size()).as("releases per artist").isBetween(6.0, 12.0);
        assertThat(types.keySet()).containsExactlyInAnyOrder(ReleaseType.values());
    }

    @Test
    void theReleaseAggregateAcceptsEveryGeneratedRelease() {
        ArtistDirectory everyoneKnown = ids -> Set.of();
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        int checked = 0;
        for (CatalogLine line : SyntheticCatalog.generate(11, 1_500)) {
            if (line instanceof CatalogLine.Release release) {
                IngestRelease command = release.release().toCommand(now);
                AggregateTestFixture<Release> fixture = new AggregateTestFixture<>(Release.class);
                fixture.registerInjectableResource(everyoneKnown);
                fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void namesUseDiacriticsAndNonLatinScripts() {
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        boolean diacritics = false;
        for (CatalogLine line : SyntheticCatalog.generate(3, 20_000)) {
            String text = line instanceof CatalogLine.Artist a ? a.name()
                    : ((CatalogLine.Release) line).release().title();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (Character.isLetter(cp)) {
                    scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
                    diacritics |= Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN && cp > 0x7F;
                }
                i += Character.charCount(cp);
            }
        }
        assertThat(diacritics).isTrue();
        assertThat(scripts.keySet()).contains(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN,
                Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.HANGUL, Character.UnicodeScript.CYRILLIC,
                Character.UnicodeScript.GREEK, Character.UnicodeScript.ARABIC, Character.UnicodeScript.HEBREW,
                Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.THAI);
    }

    @Test
    void writesAHundredThousandTracksInAFewSeconds() throws IOException {
        SyntheticCatalog.write(1, 20_000, OutputStream.nullOutputStream()); // warm-up
        long t0 = System.nanoTime();
        SyntheticCatalog.Summary summary = SyntheticCatalog.write(2, 100_000, OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("synthetic catalog: %,d tracks, %,d releases, %,d artists, %,d bytes in %.2f s (%,.0f tracks/s)%n",
                summary.tracks(), summary.releases(), summary.artists(), summary.bytes(), seconds,
                summary.tracks() / seconds);
        assertThat(summary.tracks()).isEqualTo(100_000);
        assertThat(seconds).as("seconds for 100k tracks (1M must take well under a minute)").isLessThan(10);
    }

    private static byte[] bytes(long seed, int tracks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticCatalog.Summary summary = SyntheticCatalog.write(seed, tracks, out);
        assertThat(summary.bytes()).isEqualTo(out.size());
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean ean13CheckDigitHolds(String upc) {
        if (upc.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (upc.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == upc.charAt(12) - '0';
    }
}
