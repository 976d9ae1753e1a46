package io.musicstream.command.library;

import io.musicstream.events.library.LibraryItemType;
import java.util.Collection;
import java.util.Map;

/** The catalog as the library needs it: can these items be saved by a listener in this territory? */
public interface CatalogItems {

    /**
     * Why each of the given items cannot be saved; items that can be saved are absent from the answer.
     * A track must exist and be playable in the territory; an album must exist and have a playable track
     * there; an artist must exist.
     *
     * @param territory the listener's country, or {@code null}: then only takedowns everywhere count
     */
    Map<String, Refusal> refusals(LibraryItemType type, Collection<String> itemIds, String territory);

    /**
     * @param unknown whether the item does not exist at all (rather than being unavailable)
     * @param reason  for the listener, e.g. "track t-1 is not available in DE"
     */
    record Refusal(boolean unknown, String reason) {
    }
}
