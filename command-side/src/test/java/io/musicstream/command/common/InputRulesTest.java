package io.musicstream.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"x\u0000y", "x\u0001", "\u001f", "a\u007f", "a\u0085", "\u009f", "tab\there", "line\nbreak"})
    void controlCharactersAreRefused(String value) {
        assertThat(InputRules.textFault(value, 100)).startsWith("must not contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \ud800 high", "lone \udc00 low", "ends high \ud83c", "\udc00\ud800"})
    void unpairedSurrogatesAreRefused(String value) {
        assertThat(InputRules.textFault(value, 100)).startsWith("must not contain an unpaired surrogate");
    }

    @Test
    void printableTextInAnyScriptIsAccepted() {
        assertThat(InputRules.textFault("Sigur Rós – Ágætis byrjun 東京 🎵 ", 100)).isNull();
        assertThat(InputRules.textFault(null, 100)).isNull();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(InputRules.textFault("🎵".repeat(100), 100)).isNull();
        assertThat(InputRules.textFault("a".repeat(101), 100)).isEqualTo("must be at most 100 characters, got 101");
        assertThat(InputRules.textFault("g".repeat(40_000), InputRules.GENRE)).contains("got 40000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "data:image/png;base64,AAAA", "ftp://x.org/a",
            "//no-scheme.org/a.jpg", "https://", "http://exa mple.org/", "not a url"})
    void onlyHttpUrlsWithAHostAreAccepted(String value) {
        assertThat(InputRules.urlFault(value)).as(value).isNotNull();
    }

    @Test
    void httpAndHttpsUrlsAreAcceptedUpToTheirLimit() {
        assertThat(InputRules.urlFault("https://img.example.org/a/b.jpg?x=1")).isNull();
        assertThat(InputRules.urlFault("HTTP://img.example.org/b.jpg")).isNull();
        assertThat(InputRules.urlFault("https://e.org/" + "a".repeat(InputRules.URL))).startsWith("must be at most");
    }

    @Test
    void territoriesAreTwoUpperCaseLetters() {
        assertThat(InputRules.check().territory("t", "SE").territory("t", null).errors()).isEmpty();
        assertThat(InputRules.check().territory("t", "se").territory("t", "SWE").errors()).hasSize(2);
    }

    @Test
    void everyFaultNamesItsFieldAndAllAreReportedAtOnce() {
        assertThatThrownBy(() -> InputRules.check()
                .text("title", "a\u0000", 10)
                .texts("genres", List.of("rock", "x".repeat(101)), InputRules.GENRE, InputRules.MAX_GENRES)
                .size("tracks", List.of(1, 2, 3), 2)
                .url("artworkUrl", "javascript:alert(1)")
                .orThrow())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        "title: must not contain control characters (U+0000 at 1)",
                        "genres[1]: must be at most 100 characters, got 101",
                        "tracks: at most 2 entries, got 3",
                        "artworkUrl: must be an http or https URL"));
    }

    @Test
    void tooManyEntriesAreRefusedWithoutCheckingEach() {
        assertThat(InputRules.check().texts("genres", List.of("a", "b", "c"), 10, 2).errors())
                .containsExactly("genres: at most 2 entries, got 3");
    }
}
