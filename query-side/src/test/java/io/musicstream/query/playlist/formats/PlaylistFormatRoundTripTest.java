package io.musicstream.query.playlist.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a writer writes, its reader reads back as the same document (M3U keeps fewer fields, in whole seconds). */
class PlaylistFormatRoundTripTest {

    static final TrackUrls URLS = new TrackUrls("https://music.example.com/");
    static final PlaylistFormats FORMATS = new PlaylistFormats(URLS, PlaylistReadLimits.DEFAULT);

    static final String TRACK = "6f1c1a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    static PlaylistEntry ours(String title, String creator, String album, Long durationMs, String isrc, String id) {
        return new PlaylistEntry(title, creator, album, durationMs, isrc, id, URLS.trackUrl(id));
    }

    static final List<PlaylistEntry> ENTRIES = List.of(
            ours("Crème brûlée <live> & \"encore\"", "Beyoncé, JAY-Z", "Ålbum 'quoted'", 215_000L, "USRC17607839",
                    TRACK),
            ours("Sanctuary 🎧", "宇多田ヒカル", null, null, "JPB600600837", UUID.randomUUID().toString()),
            new PlaylistEntry("Elsewhere", "Some Band", "Far Away", 61_000L, null, null,
                    "https://other.example.org/stream/42.ogg"),
            new PlaylistEntry("Local file", "A - B feat. C", null, 1_000L, null, null, "music/Local File.flac"));

    @ParameterizedTest
    @EnumSource(value = PlaylistFormat.class, names = {"XSPF", "JSPF"})
    void xspfAndJspfReadBackEveryField(PlaylistFormat format) throws IOException {
        PlaylistDocument document = new PlaylistDocument("Summer ☀ <2026> & more", "ana@example.com",
                "Line one\nline \"two\"", ENTRIES);

        assertThat(roundTrip(format, document)).isEqualTo(document);
    }

    @Test
    void m3uReadsBackTitleEntriesAlbumIsrcAndLocation() throws IOException {
        PlaylistDocument document = new PlaylistDocument("Summer ☀ <2026> & more", null, null, ENTRIES);

        PlaylistDocument read = roundTrip(PlaylistFormat.M3U, document);

        // "A - B feat. C" reads back split at its first " - ", as every M3U reader does
        assertThat(read.entries().subList(0, 3)).isEqualTo(ENTRIES.subList(0, 3));
        assertThat(read.entries().get(3)).isEqualTo(new PlaylistEntry("B feat. C - Local file", "A", null, 1_000L,
                null, null, "music/Local File.flac"));
        assertThat(read.title()).isEqualTo(document.title());
    }

    @Test
    void m3uWritesExtinfSecondsArtistTitleAndOurIsrcComment() throws IOException {
        PlaylistDocument document = new PlaylistDocument("Mix", null, null, List.of(
                new PlaylistEntry("Song", "Artist", "Album", 215_400L, "USRC17607839", TRACK, null),
                new PlaylistEntry(null, null, null, null, null, null, "relative/path.mp3")));

        assertThat(write(PlaylistFormat.M3U, document)).isEqualTo("""
                #EXTM3U
                #PLAYLIST:Mix
                #EXTINF:215,Artist - Song
                #EXTALB:Album
                #ISRC:USRC17607839
                https://music.example.com/api/v1/tracks/%s
                #EXTINF:-1,
                relative/path.mp3
                """.formatted(TRACK));
    }

    @Test
    void writersGiveOurTrackUrlToEntriesWithOnlyATrackId() throws IOException {
        PlaylistDocument document = new PlaylistDocument("t", null, null,
                List.of(new PlaylistEntry("Song", "Artist", null, null, null, TRACK, null)));

        for (PlaylistFormat format : PlaylistFormat.values()) {
            PlaylistEntry read = roundTrip(format, document).entries().get(0);
            assertThat(read.trackId()).as(format.name()).isEqualTo(TRACK);
            assertThat(read.location()).as(format.name()).isEqualTo("https://music.example.com/api/v1/tracks/" + TRACK);
        }
    }

    @Test
    void xspfAndJspfWriteTheIsrcAsAnIsrcIdentifier() throws IOException {
        PlaylistDocument document = new PlaylistDocument(null, null, null,
                List.of(new PlaylistEntry("Song", null, null, null, "USRC17607839", TRACK, null)));

        assertThat(write(PlaylistFormat.XSPF, document))
                .contains("<playlist xmlns=\"http://xspf.org/ns/0/\" version=\"1\">")
                .contains("<identifier>isrc:USRC17607839</identifier>");
        assertThat(write(PlaylistFormat.JSPF, document)).isEqualTo("{\"playlist\":{\"track\":[{\"title\":\"Song\","
                + "\"identifier\":[\"isrc:USRC17607839\"],\"location\":[\"https://music.example.com/api/v1/tracks/"
                + TRACK + "\"]}]}}");
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void tenThousandEntriesRoundTrip(PlaylistFormat format) throws IOException {
        List<PlaylistEntry> entries = new ArrayList<>();
        for (int i = 0; i < PlaylistReadLimits.DEFAULT.maxEntries(); i++) {
            entries.add(ours("Title " + i, "Artist " + (i % 97), "Album " + (i % 13), (i % 600) * 1_000L,
                    "USABC" + String.format("%07d", i), UUID.nameUUIDFromBytes(("t" + i).getBytes()).toString()));
        }
        PlaylistDocument document = new PlaylistDocument("Big", null, null, entries);

        assertThat(roundTrip(format, document).entries()).isEqualTo(entries);
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void anEmptyPlaylistRoundTrips(PlaylistFormat format) throws IOException {
        PlaylistDocument document = new PlaylistDocument("Empty", null, null, List.of());

        assertThat(roundTrip(format, document)).isEqualTo(document);
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void writersFlushButLeaveTheStreamOpenForTheCaller(PlaylistFormat format) throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        FORMATS.writer(format).write(new PlaylistDocument("t", null, null, ENTRIES), out);

        assertThat(closed[0]).isFalse();
        assertThat(FORMATS.reader(format).read(new ByteArrayInputStream(out.toByteArray())).entries()).hasSize(4);
    }

    static PlaylistDocument roundTrip(PlaylistFormat format, PlaylistDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FORMATS.writer(format).write(document, out);
        return FORMATS.reader(format).read(new ByteArrayInputStream(out.toByteArray()));
    }

    static String write(PlaylistFormat format, PlaylistDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FORMATS.writer(format).write(document, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
