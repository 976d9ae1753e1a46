package io.musicstream.infra.processors;

import java.util.List;

/** A page of a processor's dead letters; {@code total} counts every letter that matched. */
record LettersPage(String processor, long total, List<LetterView> letters) {
}
