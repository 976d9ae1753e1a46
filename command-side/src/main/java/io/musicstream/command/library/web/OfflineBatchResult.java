package io.musicstream.command.library.web;

import java.util.List;

/** The answer to an offline batch: the library's sync token after it, and one result per change, in order. */
record OfflineBatchResult(long syncToken, List<OfflineResult> results) {
}
