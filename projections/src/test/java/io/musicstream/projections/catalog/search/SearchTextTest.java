package io.musicstream.projections.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(SearchText.fold("a\u0000b\u001ec\u001fd\u0085e\te")).isEqualTo("a b c d e e");
    }

    @Test
    void foldsDiacriticsAndCaseSoEitherSpellingMatches() {
        assertThat(SearchText.fold("Beyoncé")).isEqualTo("beyonce");
        assertThat(SearchText.fold("Sigur Rós")).isEqualTo(SearchText.fold("sigur ros"));
        assertThat(SearchText.fold("Motörhead")).isEqualTo("motorhead");
        assertThat(SearchText.fold("Ágætis byrjun")).isEqualTo("agaetis byrjun");
        assertThat(SearchText.fold("Søren Łukasz Straße")).isEqualTo("soren lukasz strasse");
    }

    @Test
    void keepsScriptsWithoutLatinFormsIntact() {
        assertThat(SearchText.fold("坂本龍一")).isEqualTo("坂本龍一");
        assertThat(SearchText.fold("ガンダム")).isEqualTo("ガンダム");
        assertThat(SearchText.fold("Чайковский")).isEqualTo("чайковский");
    }
}
