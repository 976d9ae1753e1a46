/**
 * Long-running processes that coordinate aggregates (session expiry, takedowns, royalty period close).
 * The walking skeleton has none yet; the catalog and royalty issues add them here.
 */
package io.musicstream.sagas;
