package io.musicstream.events.catalog;

/** What happened to the catalog: artists registered, releases ingested and changed, tracks taken down. */
public sealed interface CatalogEvent permits ArtistRegistered, ReleaseIngested, ReleaseMetadataUpdated,
        TrackAddedToRelease, TrackMetadataUpdated, TrackRemovedFromRelease, TrackTakenDown, TrackRestored {
}
