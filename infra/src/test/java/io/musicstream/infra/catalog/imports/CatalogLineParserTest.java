package io.musicstream.infra.catalog.imports;

import io.musicstream.command.catalog.web.CatalogJson;
import io.musicstream.command.catalog.web.CatalogLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.tools.catalog.SyntheticCatalog;
import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class CatalogLineParserTest {

    /** As the application configures it (spring.jackson.deserialization.fail-on-unknown-properties). */
    private final CatalogLineParser parser = new CatalogLineParser(
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(),
            Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void readsBackWhatTheWriterWrote() {
        for (CatalogLine line : SyntheticCatalog.generate(9, 300)) {
            assertThat(parse(CatalogJson.toJson(line))).isEqualTo(new CatalogLineParser.Accepted(line));
        }
    }

    @Test
    void peeksAtKindAndUpcWithoutReadingTheRest() {
        assertThat(parser.peek(bytes("{\"kind\":\"release\",\"upc\":\"123456789012\",\"tracks\":[{\"x\":"), 0, 50))
                .isEqualTo(new CatalogLineParser.Peek(true, "release", "123456789012", null));
        byte[] artist = bytes("{\"name\":\"A\",\"kind\":\"artist\",\"artistId\":\"a-1\"}");
        assertThat(parser.peek(artist, 0, artist.length).kind()).isEqualTo("artist");
        byte[] broken = bytes("{\"kind\":");
        assertThat(parser.peek(broken, 0, broken.length)).isEqualTo(new CatalogLineParser.Peek(false, null, null, null));
    }

    @Test
    void refusesWhatIsNotALineOfTheFormatSayingWhy() {
        assertThat(refused("{\"kind\":\"release\",\"upc\":")).singleElement().asString()
                .startsWith("malformed JSON: Unexpected end-of-input");
        assertThat(refused("{\"kind\":\"artist\",\"artistId\":\"a\",\"name\":\"A\"} trailing")).singleElement()
                .asString().startsWith("malformed JSON: ");
        assertThat(refused("[1,2]")).containsExactly("a line must be one JSON object");
        assertThat(refused("{\"artistId\":\"a\",\"name\":\"A\"}")).containsExactly(
                "kind is required: \"artist\" or \"release\"");
        assertThat(refused("{\"kind\":\"playlist\"}")).containsExactly(
                "kind must be \"artist\" or \"release\", not \"playlist\"");
        assertThat(refused("{\"kind\":\"artist\",\"artistId\":\"a b\",\"name\":\" \"}")).containsExactly(
                "artistId: must be 1 to 200 letters, digits, '.', '_', ':' or '-'", "name: must not be blank");
        assertThat(refused("{\"kind\":\"artist\",\"artistId\":\"a\",\"name\":\"A\",\"genre\":\"x\"}")).singleElement()
                .asString().startsWith("field 'genre': Unrecognized property \"genre\"");
        assertThat(refused("{\"kind\":\"release\",\"upc\":\"123456789012\",\"title\":\"T\",\"releaseType\":\"ALBUM\","
                + "\"artistIds\":[\"a\"],\"tracks\":[{\"isrc\":\"USRC17607839\",\"title\":\"x\",\"durationMs\":\"long\"}]}"))
                .singleElement().asString().startsWith("field 'tracks[0].durationMs': ");
        assertThat(refused("{\"kind\":\"release\",\"upc\":\"123456789012\",\"releaseType\":\"ALBUM\",\"artistIds\":[],"
                + "\"tracks\":[]}")).containsExactly("artistIds: must not be empty", "title: must not be blank",
                "tracks: must not be empty");
    }

    @Test
    void aRefusalNamesTheUpcOrArtistIdWhenItCanBeRead() {
        CatalogLineParser.Refused refused = (CatalogLineParser.Refused) parse(
                "{\"kind\":\"release\",\"upc\":\"123456789012\",\"tracks\":[]}");
        assertThat(refused.upc()).isEqualTo("123456789012");
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void linesEndInNewlinesWithOrWithoutCarriageReturnsAndTheLastMayHaveNone() throws IOException {
        List<String> lines = lines("\uFEFFfirst\r\nsecond\n\n  \nlast", 100);
        assertThat(lines).containsExactly("1:first", "2:second", "3:", "4:  ", "5:last");
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedToItsEndAndReported() throws IOException {
        String longLine = "x".repeat(70_000);
        assertThat(lines("short\n" + longLine + "\nafter\n", 65_536))
                .containsExactly("1:short", "2:<too long>", "3:after");
        assertThat(lines(longLine, 65_536)).containsExactly("1:<too long>");
    }

    private List<String> lines(String text, int max) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes(text)), max);
        List<String> lines = new ArrayList<>();
        for (LineReader.Line line; (line = reader.next()) != null; ) {
            lines.add(line.number() + ":" + (line.tooLong() ? "<too long>"
                    : new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8)));
        }
        return lines;
    }

    private CatalogLineParser.Parsed parse(String line) {
        byte[] bytes = bytes(line);
        return parser.parse(bytes, 0, bytes.length);
    }

    private List<String> refused(String line) {
        CatalogLineParser.Parsed parsed = parse(line);
        assertThat(parsed).isInstanceOf(CatalogLineParser.Refused.class);
        return ((CatalogLineParser.Refused) parsed).errors();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
