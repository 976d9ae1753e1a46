package io.musicstream.command.catalog;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Release and track ids derive from UPC and ISRC, so a redelivered release reaches the same aggregate. */
public final class CatalogIds {

    private CatalogIds() {
    }

    public static String releaseId(String upc) {
        return UUID.nameUUIDFromBytes(("release:" + upc).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String trackId(String upc, String isrc) {
        return UUID.nameUUIDFromBytes(("track:" + upc + ":" + isrc).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
