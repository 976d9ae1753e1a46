package io.musicstream.command.catalog.web;

import io.musicstream.command.catalog.web.IngestReleaseRequest;

/**
 * One line of a catalog file (see {@link io.musicstream.infra.catalog.imports the package} for the format):
 * an artist to register, or a release to ingest with the same fields as the body of
 * {@code POST /api/v1/releases}.
 */
public sealed interface CatalogLine permits CatalogLine.Artist, CatalogLine.Release {

    /** {@code {"kind":"artist","artistId":"...","name":"..."}} */
    record Artist(String artistId, String name) implements CatalogLine {
    }

    /** {@code {"kind":"release", "upc":..., "title":..., ..., "tracks":[...]}} */
    record Release(IngestReleaseRequest release) implements CatalogLine {
    }
}
