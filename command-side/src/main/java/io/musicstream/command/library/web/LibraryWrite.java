package io.musicstream.command.library.web;

/**
 * The answer to a save or remove.
 *
 * @param syncToken the library's latest sync token after the write (pass it as {@code minToken} to read
 *                  your write; keep following the sync feed's own tokens for syncing)
 * @param changed   how many items changed; 0 when everything already was as asked
 */
record LibraryWrite(long syncToken, int changed) {
}
