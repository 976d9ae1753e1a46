package io.musicstream.query.playlist.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every hostile or malformed document is one {@link PlaylistFormatException} that says what is wrong. */
class PlaylistFormatHostileInputTest {

    static final PlaylistFormats FORMATS = new PlaylistFormats(new TrackUrls("https://music.example.com"),
            PlaylistReadLimits.DEFAULT);
    static final String XSPF_OPEN = "<playlist xmlns=\"http://xspf.org/ns/0/\" version=\"1\">";

    @Test
    void xspfWithAnExternalEntityIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE playlist [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + XSPF_OPEN + "<title>&xxe;</title><trackList/></playlist>";

        refused(PlaylistFormat.XSPF, xxe).hasMessageContaining("a DTD (<!DOCTYPE>) is not accepted at line 2").hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void xspfBillionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE playlist [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = dtd + XSPF_OPEN + "<title>&lol9;</title><trackList/></playlist>";

        long start = System.nanoTime();
        refused(PlaylistFormat.XSPF, bomb).hasMessageContaining("a DTD (<!DOCTYPE>) is not accepted");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void xspfWithAnotherRootElementIsRefused() {
        refused(PlaylistFormat.XSPF, "<rss version=\"2.0\"><channel/></rss>")
                .hasMessageContaining("the root element is rss");
        refused(PlaylistFormat.XSPF, "<playlist xmlns=\"http://example.com/other\"/>")
                .hasMessageContaining("{http://example.com/other}playlist");
    }

    @Test
    void xspfNotWellFormedSaysWhere() {
        refused(PlaylistFormat.XSPF, XSPF_OPEN + "\n<title>unclosed</trackList></playlist>")
                .hasMessageContaining("not well-formed XML at line 2");
        refused(PlaylistFormat.XSPF, XSPF_OPEN + "<title>nul &#0; here</title></playlist>")
                .hasMessageContaining("not well-formed XML");
        refused(PlaylistFormat.XSPF, "").hasMessageContaining("not well-formed XML");
    }

    @Test
    void xspfInAnotherEncodingOrNestedTooDeepIsRefused() {
        refused(PlaylistFormat.XSPF, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + XSPF_OPEN + "</playlist>")
                .hasMessageContaining("ISO-8859-1").hasMessageContaining("only UTF-8");
        String deep = XSPF_OPEN + "<extension application=\"x\">" + "<a>".repeat(200) + "</a>".repeat(200)
                + "</extension></playlist>";
        refused(PlaylistFormat.XSPF, deep).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void xspfFieldsThatHoldElementsOrBadDurationsAreListedTogether() {
        String xspf = XSPF_OPEN + "<trackList><track><title>a<b>x</b></title><duration>-5</duration></track>"
                + "<track><duration>soon</duration></track></trackList></playlist>";

        PlaylistFormatException e = catchFormat(PlaylistFormat.XSPF, xspf.getBytes(StandardCharsets.UTF_8));
        assertThat(e.problems()).containsExactly(
                "track 1 title: must hold text only, found element b at line 1, column 82",
                "track 1 duration: must be a whole number of milliseconds from 0 to 999999999999",
                "track 2 duration: must be a whole number of milliseconds from 0 to 999999999999");
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void tenThousandAndOneEntriesAreRefused(PlaylistFormat format) throws Exception {
        StringBuilder doc = new StringBuilder();
        int entries = PlaylistReadLimits.DEFAULT.maxEntries() + 1;
        switch (format) {
            case XSPF -> doc.append(XSPF_OPEN).append("<trackList>")
                    .append("<track><location>a</location></track>".repeat(entries)).append("</trackList></playlist>");
            case JSPF -> doc.append("{\"playlist\":{\"track\":[").append("{},".repeat(entries - 1)).append("{}]}}");
            case M3U -> doc.append("#EXTM3U\n").append("a.mp3\n".repeat(entries));
        }
        refused(format, doc.toString()).hasMessageEndingWith("more than 10000 entries");
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void sixMegabytesAreRefusedWithoutParsing(PlaylistFormat format) {
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');

        assertThat(catchFormat(format, big).problems())
                .containsExactly("the document is larger than the limit of 5242880 bytes");
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void invalidUtf8IsRefusedWithItsOffset(PlaylistFormat format) {
        byte[] prefix = switch (format) {
            case XSPF -> (XSPF_OPEN + "<title>").getBytes(StandardCharsets.UTF_8);
            case JSPF -> "{\"playlist\":{\"title\":\"".getBytes(StandardCharsets.UTF_8);
            case M3U -> "#EXTM3U\n#PLAYLIST:".getBytes(StandardCharsets.UTF_8);
        };
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.writeBytes(prefix);
        doc.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});

        assertThat(catchFormat(format, doc.toByteArray()).problems())
                .containsExactly("invalid UTF-8 at byte " + prefix.length + "; only UTF-8 is accepted");
    }

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void utf16IsRefused(PlaylistFormat format) {
        byte[] utf16 = "\uFEFF#EXTM3U".getBytes(StandardCharsets.UTF_16BE);

        assertThat(catchFormat(format, utf16).getMessage()).contains("UTF-16");
    }

    @Test
    void nulAndOtherControlCharactersAreRefused() {
        refused(PlaylistFormat.JSPF, "{\"playlist\":{\"title\":\"a\\u0000b\"}}")
                .hasMessageContaining("playlist.title: contains the control character U+0000");
        refused(PlaylistFormat.M3U, "#EXTM3U\n#EXTINF:1,Ar\u0000tist - Title\nx.mp3\n")
                .hasMessageContaining("line 2 #EXTINF: contains the control character U+0000");
        refused(PlaylistFormat.M3U, "#EXTM3U\nfile\u001B[31m.mp3\n")
                .hasMessageContaining("line 2 location: contains the control character U+001B");
        refused(PlaylistFormat.XSPF, "<?xml version=\"1.1\"?>" + XSPF_OPEN + "<title>bell &#7;</title></playlist>")
                .hasMessageContaining("playlist title: contains the control character U+0007");
        refused(PlaylistFormat.JSPF, "{\"playlist\":{\"track\":[{\"title\":\"\\ud800\"}]}}")
                .hasMessageContaining("playlist.track[0].title: contains an unpaired surrogate");
    }

    @Test
    void overLongFieldsAreRefused() {
        refused(PlaylistFormat.JSPF, "{\"playlist\":{\"title\":\"" + "x".repeat(501) + "\"}}")
                .hasMessageContaining("playlist.title: longer than 500 characters");
        refused(PlaylistFormat.XSPF, XSPF_OPEN + "<trackList><track><location>https://e.com/" + "x".repeat(2100)
                + "</location></track></trackList></playlist>")
                .hasMessageContaining("track 1 location: longer than 2048 characters");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "{\"playlist\":{\"extension\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";

        refused(PlaylistFormat.JSPF, deep).hasMessageContaining("not well-formed JSON")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void jsonOfAnotherShapeIsRefused() {
        refused(PlaylistFormat.JSPF, "[1, 2]").hasMessageContaining("a JSON object with a \"playlist\" object");
        refused(PlaylistFormat.JSPF, "{\"tracks\": []}").hasMessageContaining("a JSON object with a \"playlist\"");
        refused(PlaylistFormat.JSPF, "{\"playlist\": []}").hasMessageContaining("\"playlist\" must be an object");
        refused(PlaylistFormat.JSPF, "{\"playlist\": {}} {}").hasMessageContaining("content after the root object");
        refused(PlaylistFormat.JSPF, "{\"playlist\": {\"title\": \"a\", \"title\": \"b\"}}")
                .hasMessageContaining("Duplicate");
        refused(PlaylistFormat.JSPF, "{\"playlist\": {\"title\": ").hasMessageContaining("not well-formed JSON");
    }

    @Test
    void jspfFieldsOfTheWrongTypeAreListedTogether() {
        PlaylistFormatException e = catchFormat(PlaylistFormat.JSPF, ("{\"playlist\":{\"title\":7,\"track\":["
                + "{\"title\":[\"x\"],\"duration\":-1,\"identifier\":{\"isrc\":\"x\"}}, 5]}}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(e.problems()).containsExactly(
                "playlist.title must be a string",
                "playlist.track[0].title must be a string",
                "playlist.track[0].duration: must be a whole number of milliseconds from 0 to 999999999999",
                "playlist.track[0].identifier must be a string",
                "playlist.track[1] must be an object");
        assertThat(e.format()).isEqualTo(PlaylistFormat.JSPF);
    }

    @Test
    void xmlOrJsonSentAsM3uIsRefused() {
        refused(PlaylistFormat.M3U, "<?xml version=\"1.0\"?><playlist/>").hasMessageContaining("not M3U");
        refused(PlaylistFormat.M3U, "  {\"playlist\":{}}").hasMessageContaining("not M3U");
    }

    @Test
    void problemsStopBeingListedAfterTwenty() {
        PlaylistFormatException e = catchFormat(PlaylistFormat.M3U,
                "#EXTINF:soon,x\na.mp3\n".repeat(50).getBytes(StandardCharsets.UTF_8));

        assertThat(e.problems()).hasSize(21).last().isEqualTo("stopped after 20 problems");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refused(PlaylistFormat format, String document) {
        return assertThatThrownBy(() -> FORMATS.reader(format)
                .read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PlaylistFormatException.class)
                .hasMessageStartingWith("not a valid " + format.label() + " playlist: ");
    }

    static PlaylistFormatException catchFormat(PlaylistFormat format, byte[] document) {
        try {
            FORMATS.reader(format).read(new ByteArrayInputStream(document));
        } catch (PlaylistFormatException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }
}
